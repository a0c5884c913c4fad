using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan SendLease = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Outbox_message_round_trips_with_chinese_text_and_buttons()
    {
        var stores = await OpenFreshAsync();
        var chat = new ChatRef("wecom", "room-9", ChatKind.Group, "城关镇党委");
        var body = new TextMessage("请对本单位作风现状评价：", [[new Button("满意", "v:1:s"), new Button("不满意", "v:1:u")]]);
        var message = OutboxMessage.Create("update:1:reply", chat, body, T0);

        await stores.Outbox.EnqueueAsync([message], Ct);
        var stored = await stores.Outbox.GetAsync("update:1:reply", Ct);

        Assert.NotNull(stored);
        Assert.Equal(chat, stored.Chat);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Equal(T0, stored.NextAttemptAt);
        Assert.Equal(OutboxStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.SentAt);
        var text = Assert.IsType<TextMessage>(stored.ReadBody());
        Assert.Equal("请对本单位作风现状评价：", text.Text);
        Assert.Equal(["满意", "不满意"], text.Buttons!.Single().Select(b => b.Label));
    }

    [Fact]
    public async Task Enqueueing_an_id_again_leaves_the_stored_message_as_it_is()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("m1", T0, "第一版")], Ct);

        await stores.Outbox.EnqueueAsync([Outbox("m1", T0.AddMinutes(1), "第二版"), Outbox("m2", T0)], Ct);

        var first = await stores.Outbox.GetAsync("m1", Ct);
        Assert.Equal("第一版", Assert.IsType<TextMessage>(first!.ReadBody()).Text);
        Assert.Equal(T0, first.CreatedAt);
        Assert.NotNull(await stores.Outbox.GetAsync("m2", Ct));
        Assert.Equal(2, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
    }

    [Fact]
    public async Task Enqueueing_an_id_twice_in_parallel_stores_it_once()
    {
        var stores = await OpenFreshAsync();

        await InParallelAsync(10, async i =>
        {
            await stores.Outbox.EnqueueAsync([Outbox("same", T0), Outbox($"own-{i}", T0)], Ct);
            return i;
        });

        Assert.Equal(11, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
    }

    [Fact]
    public async Task Outbox_claim_takes_due_messages_oldest_first_by_created_then_id()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync(
        [
            Outbox("b", T0),
            Outbox("a", T0),
            Outbox("c", T0.AddSeconds(-1)),
            Outbox("later", T0.AddSeconds(-2)) with { NextAttemptAt = T0.AddMinutes(5) },
        ], Ct);

        var claimed = await stores.Outbox.ClaimDueAsync("s1", T0, SendLease, 10, Ct);
        var limited = await stores.Outbox.ClaimDueAsync("s2", T0.AddMinutes(5), SendLease, 1, Ct);

        Assert.Equal(["c", "a", "b"], claimed.Select(m => m.Id));
        Assert.All(claimed, m => Assert.Equal("s1", m.LeaseOwner));
        Assert.All(claimed, m => Assert.Equal(T0 + SendLease, m.LeaseUntil));
        Assert.Equal("later", Assert.Single(limited).Id);
    }

    [Fact]
    public async Task Leased_outbox_message_is_not_claimed_again_until_its_lease_runs_out()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("m", T0)], Ct);
        await stores.Outbox.ClaimDueAsync("s1", T0, SendLease, 10, Ct);

        var during = await stores.Outbox.ClaimDueAsync("s2", T0 + SendLease - TimeSpan.FromSeconds(1), SendLease, 10, Ct);
        var after = await stores.Outbox.ClaimDueAsync("s2", T0 + SendLease + TimeSpan.FromSeconds(1), SendLease, 10, Ct);

        Assert.Empty(during);
        Assert.Equal("s2", Assert.Single(after).LeaseOwner);
    }

    [Fact]
    public async Task Sent_message_keeps_its_channel_id_and_is_never_claimed_again()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("m", T0)], Ct);
        await stores.Outbox.ClaimDueAsync("s1", T0, SendLease, 10, Ct);

        await stores.Outbox.MarkSentAsync("m", "tg-555", T0.AddSeconds(2), Ct);

        var sent = (await stores.Outbox.GetAsync("m", Ct))!;
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal("tg-555", sent.ExternalMessageId);
        Assert.Equal(T0.AddSeconds(2), sent.SentAt);
        Assert.Null(sent.LeaseOwner);
        Assert.Null(sent.LeaseUntil);
        Assert.Empty(await stores.Outbox.ClaimDueAsync("s2", T0.AddHours(1), SendLease, 10, Ct));
        Assert.Equal(1, await stores.Outbox.CountAsync(OutboxStatus.Sent, Ct));
        Assert.Equal(0, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
    }

    [Fact]
    public async Task Retry_later_waits_until_the_given_time_and_counts_only_real_attempts()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("m", T0)], Ct);
        await stores.Outbox.ClaimDueAsync("s1", T0, SendLease, 10, Ct);

        await stores.Outbox.RetryLaterAsync("m", T0.AddSeconds(10), "HTTP 502", countAttempt: true, Ct);
        var afterFailure = (await stores.Outbox.GetAsync("m", Ct))!;
        var early = await stores.Outbox.ClaimDueAsync("s1", T0.AddSeconds(9), SendLease, 10, Ct);
        var onTime = await stores.Outbox.ClaimDueAsync("s1", T0.AddSeconds(10), SendLease, 10, Ct);
        await stores.Outbox.RetryLaterAsync("m", T0.AddSeconds(40), "429 retry_after=30", countAttempt: false, Ct);
        var afterThrottle = (await stores.Outbox.GetAsync("m", Ct))!;

        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.Equal("HTTP 502", afterFailure.LastError);
        Assert.Equal(T0.AddSeconds(10), afterFailure.NextAttemptAt);
        Assert.Null(afterFailure.LeaseOwner);
        Assert.Empty(early);
        Assert.Single(onTime);
        Assert.Equal(1, afterThrottle.Attempts);
        Assert.Equal("429 retry_after=30", afterThrottle.LastError);
        Assert.Equal(T0.AddSeconds(40), afterThrottle.NextAttemptAt);
        Assert.Null(afterThrottle.LeaseUntil);
    }

    [Fact]
    public async Task Failed_messages_keep_their_reason_and_are_never_claimed_again()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("rejected", T0), Outbox("blocked", T0)], Ct);

        await stores.Outbox.MarkFailedAsync("rejected", OutboxStatus.Rejected, "Bad Request: message is too long", Ct);
        await stores.Outbox.MarkFailedAsync("blocked", OutboxStatus.Unreachable, "Forbidden: bot was blocked by the user", Ct);

        Assert.Empty(await stores.Outbox.ClaimDueAsync("s1", T0.AddHours(1), SendLease, 10, Ct));
        var rejected = (await stores.Outbox.GetAsync("rejected", Ct))!;
        Assert.Equal(OutboxStatus.Rejected, rejected.Status);
        Assert.Equal("Bad Request: message is too long", rejected.LastError);
        Assert.Equal(1, await stores.Outbox.CountAsync(OutboxStatus.Rejected, Ct));
        Assert.Equal(1, await stores.Outbox.CountAsync(OutboxStatus.Unreachable, Ct));
    }

    [Fact]
    public async Task Two_owners_claiming_the_outbox_in_parallel_never_share_a_message()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync(Enumerable.Range(0, 40).Select(i => Outbox($"m{i:D2}", T0.AddMilliseconds(i))).ToList(), Ct);

        var claims = await InParallelAsync(16, i => stores.Outbox.ClaimDueAsync(i % 2 == 0 ? "s1" : "s2", T0.AddSeconds(1), SendLease, 5, Ct));

        // A claim that loses a race may come back short; a later claim picks up the rest.
        var rest = await stores.Outbox.ClaimDueAsync("s3", T0.AddSeconds(1), SendLease, 100, Ct);
        var ids = claims.SelectMany(c => c).Concat(rest).Select(m => m.Id).ToList();
        Assert.NotEmpty(claims.SelectMany(c => c));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
    }

    [Fact]
    public async Task Outbox_refuses_bad_arguments_with_clear_errors()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Outbox.EnqueueAsync(null!, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Outbox.ClaimDueAsync(" ", T0, SendLease, 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Outbox.ClaimDueAsync("s1", T0, SendLease, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Outbox.MarkFailedAsync("m", OutboxStatus.Sent, "no", Ct));
        await stores.Outbox.EnqueueAsync([], Ct);
        Assert.Equal(0, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
    }
}
