using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan InboxLease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Inbox_item_is_stored_once_and_a_redelivery_is_refused()
    {
        var stores = await OpenFreshAsync();
        var first = InboxItem("1", T0, text: "第一次");

        Assert.True(await stores.Inbox.AddAsync(first, Ct));
        Assert.False(await stores.Inbox.AddAsync(first with { Payload = MessageJson.Serialize(Text("1", "第二次")) }, Ct));

        var stored = await stores.Inbox.GetAsync(first.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(new TextInput("第一次"), stored.ReadUpdate().Content);
        Assert.Equal(1, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));
    }

    [Fact]
    public async Task Twenty_parallel_adds_of_one_inbox_id_store_it_exactly_once()
    {
        var stores = await OpenFreshAsync();
        var item = InboxItem("42", T0);

        var results = await InParallelAsync(20, _ => stores.Inbox.AddAsync(item, Ct));

        Assert.Single(results, added => added);
        Assert.Equal(1, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));
    }

    [Fact]
    public async Task Inbox_item_round_trips_with_chinese_text()
    {
        var stores = await OpenFreshAsync();
        var update = Text("7", "我承诺：严守政治纪律，密切联系群众。", sequence: 9);
        var item = Core.Storage.InboxItem.From(update, T0.AddSeconds(3));

        await stores.Inbox.AddAsync(item, Ct);
        var stored = await stores.Inbox.GetAsync(item.Id, Ct);

        Assert.NotNull(stored);
        Assert.Equal(item.Id, stored.Id);
        Assert.Equal(item.ConversationKey, stored.ConversationKey);
        Assert.Equal(9, stored.Sequence);
        Assert.Equal(T0.AddSeconds(3), stored.ReceivedAt);
        Assert.Equal(InboxStatus.Pending, stored.Status);
        Assert.Equal(0, stored.Attempts);
        Assert.Null(stored.LeaseOwner);
        Assert.Null(stored.LeaseUntil);
        Assert.Equal(update, stored.ReadUpdate());
    }

    [Fact]
    public async Task Unknown_inbox_id_reads_as_null()
    {
        var stores = await OpenFreshAsync();

        Assert.Null(await stores.Inbox.GetAsync("telegram:none", Ct));
    }

    [Fact]
    public async Task Inbox_claim_takes_the_oldest_pending_items_first_and_leases_them()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("c", T0.AddSeconds(2), sequence: 1), Ct);
        await stores.Inbox.AddAsync(InboxItem("b", T0.AddSeconds(1), sequence: 2), Ct);
        await stores.Inbox.AddAsync(InboxItem("a", T0.AddSeconds(1), sequence: 1), Ct);
        var now = T0.AddMinutes(1);

        var claimed = await stores.Inbox.ClaimPendingAsync("worker-1", now, InboxLease, 2, Ct);

        Assert.Equal(["telegram:a", "telegram:b"], claimed.Select(i => i.Id));
        Assert.All(claimed, i => Assert.Equal("worker-1", i.LeaseOwner));
        Assert.All(claimed, i => Assert.Equal(now + InboxLease, i.LeaseUntil));
        var stored = await stores.Inbox.GetAsync("telegram:a", Ct);
        Assert.Equal("worker-1", stored!.LeaseOwner);
        Assert.Equal(now + InboxLease, stored.LeaseUntil);
    }

    [Fact]
    public async Task Claiming_an_inbox_item_counts_an_attempt()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("1", T0), Ct);

        var first = await stores.Inbox.ClaimPendingAsync("w1", T0, InboxLease, 10, Ct);
        var second = await stores.Inbox.ClaimPendingAsync("w2", T0 + InboxLease + TimeSpan.FromSeconds(1), InboxLease, 10, Ct);

        Assert.Equal(1, Assert.Single(first).Attempts);
        Assert.Equal(2, Assert.Single(second).Attempts);
        Assert.Equal(2, (await stores.Inbox.GetAsync("telegram:1", Ct))!.Attempts);
    }

    [Fact]
    public async Task Leased_inbox_item_is_not_claimed_again_until_its_lease_runs_out()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("1", T0), Ct);
        await stores.Inbox.ClaimPendingAsync("w1", T0, InboxLease, 10, Ct);

        var during = await stores.Inbox.ClaimPendingAsync("w2", T0 + InboxLease - TimeSpan.FromSeconds(1), InboxLease, 10, Ct);
        var after = await stores.Inbox.ClaimPendingAsync("w2", T0 + InboxLease + TimeSpan.FromSeconds(1), InboxLease, 10, Ct);

        Assert.Empty(during);
        Assert.Equal("w2", Assert.Single(after).LeaseOwner);
    }

    [Fact]
    public async Task Completed_inbox_items_are_counted_by_status_and_never_claimed_again()
    {
        var stores = await OpenFreshAsync();
        await stores.Inbox.AddAsync(InboxItem("1", T0), Ct);
        await stores.Inbox.AddAsync(InboxItem("2", T0), Ct);
        await stores.Inbox.AddAsync(InboxItem("3", T0), Ct);
        await stores.Inbox.ClaimPendingAsync("w1", T0, InboxLease, 2, Ct);

        await stores.Inbox.CompleteAsync("telegram:1", InboxStatus.Handled, null, Ct);
        await stores.Inbox.CompleteAsync("telegram:2", InboxStatus.Failed, "无法解析按钮数据", Ct);
        var later = await stores.Inbox.ClaimPendingAsync("w2", T0.AddHours(1), InboxLease, 10, Ct);

        Assert.Equal("telegram:3", Assert.Single(later).Id);
        Assert.Equal(1, await stores.Inbox.CountAsync(InboxStatus.Handled, Ct));
        Assert.Equal(1, await stores.Inbox.CountAsync(InboxStatus.Failed, Ct));
        Assert.Equal(1, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));
        var failed = await stores.Inbox.GetAsync("telegram:2", Ct);
        Assert.Equal(InboxStatus.Failed, failed!.Status);
        Assert.Equal("无法解析按钮数据", failed.Error);
        Assert.Null(failed.LeaseOwner);
        Assert.Null(failed.LeaseUntil);
    }

    [Fact]
    public async Task Two_owners_claiming_the_inbox_in_parallel_never_share_an_item()
    {
        var stores = await OpenFreshAsync();
        for (var i = 0; i < 40; i++)
        {
            await stores.Inbox.AddAsync(InboxItem($"u{i:D2}", T0.AddMilliseconds(i)), Ct);
        }

        var claims = await InParallelAsync(16, i => stores.Inbox.ClaimPendingAsync(i % 2 == 0 ? "w1" : "w2", T0.AddSeconds(1), InboxLease, 5, Ct));

        // A claim that loses a race may come back short; a later claim picks up the rest.
        var rest = await stores.Inbox.ClaimPendingAsync("w3", T0.AddSeconds(1), InboxLease, 100, Ct);
        var ids = claims.SelectMany(c => c).Concat(rest).Select(i => i.Id).ToList();
        Assert.NotEmpty(claims.SelectMany(c => c));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(40, ids.Count);
        foreach (var item in claims.SelectMany(c => c))
        {
            Assert.Equal(item.LeaseOwner, (await stores.Inbox.GetAsync(item.Id, Ct))!.LeaseOwner);
        }
    }

    [Fact]
    public async Task Inbox_refuses_bad_arguments_with_clear_errors()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Inbox.AddAsync(null!, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Inbox.ClaimPendingAsync("", T0, InboxLease, 1, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Inbox.ClaimPendingAsync("w1", T0, InboxLease, 0, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Inbox.ClaimPendingAsync("w1", T0, TimeSpan.Zero, 1, Ct));
    }
}
