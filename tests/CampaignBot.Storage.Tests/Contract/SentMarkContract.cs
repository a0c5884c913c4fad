using CampaignBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>"Sent" marks written many at once, and what a mark lost in a crash costs: one resend after the lease, never more.</summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Many_sent_marks_are_written_at_once_each_with_its_channel_id_and_time()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([Outbox("m1", T0), Outbox("m2", T0), Outbox("m3", T0)], Ct);
        await stores.Outbox.ClaimDueAsync("s1", T0, TimeSpan.FromSeconds(30), 10, Ct);

        await stores.Outbox.MarkSentManyAsync([new SentMark("m1", "tg-1", T0.AddSeconds(1)), new SentMark("m3", null, T0.AddSeconds(3))], Ct);
        await stores.Outbox.MarkSentManyAsync([], Ct);

        var (m1, m2, m3) = ((await stores.Outbox.GetAsync("m1", Ct))!, (await stores.Outbox.GetAsync("m2", Ct))!, (await stores.Outbox.GetAsync("m3", Ct))!);
        Assert.Equal((OutboxStatus.Sent, "tg-1", (DateTimeOffset?)T0.AddSeconds(1), (string?)null), (m1.Status, m1.ExternalMessageId, m1.SentAt, m1.LeaseOwner));
        Assert.Equal((OutboxStatus.Sent, (string?)null, (DateTimeOffset?)T0.AddSeconds(3)), (m3.Status, m3.ExternalMessageId, m3.SentAt));
        Assert.Equal((OutboxStatus.Pending, "s1"), (m2.Status, m2.LeaseOwner));
        Assert.Equal(2, await stores.Outbox.CountAsync(OutboxStatus.Sent, Ct));
    }

    [Fact]
    public async Task Sent_marks_of_one_window_are_one_write_and_the_sender_sees_them_before_it()
    {
        var stores = await OpenFreshAsync();
        var time = new FakeTimeProvider(T0);
        var pipeline = new PipelineHarness(stores, time);
        var counting = new MarkCountingOutbox(stores.Outbox);
        var marks = pipeline.Marks(counting, TimeSpan.FromSeconds(1));
        await stores.Outbox.EnqueueAsync([.. Enumerable.Range(0, 20).Select(i => Outbox($"m{i:D2}", T0))], Ct);

        var worker = pipeline.OutboxWorker(new RecordingSender(), marks);
        await worker.RunOnceAsync(Ct);

        Assert.Equal(1, counting.MarkWrites);
        Assert.Equal(20, await stores.Outbox.CountAsync(OutboxStatus.Sent, Ct));
        await marks.AddAsync(new SentMark("later", "tg-9", T0), Ct);
        Assert.Equal("tg-9", marks.Pending("later")!.ExternalMessageId);
        Assert.Null(marks.Pending("m00"));
    }

    [Fact]
    public async Task A_sent_mark_lost_in_a_crash_means_one_resend_after_the_lease_and_then_one_mark()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var time = new FakeTimeProvider(T0);
        await stores.Outbox.EnqueueAsync([Outbox("m1", T0), Outbox("m2", T0)], Ct);
        var beforeCrash = new RecordingSender();
        var pipeline = new PipelineHarness(stores, time, "n1");
        await pipeline.OutboxWorker(beforeCrash, pipeline.Marks(new CrashingOutbox(stores.Outbox), TimeSpan.FromSeconds(1))).RunOnceAsync(Ct);

        // Restarted: the lease (30 s) still holds the messages, then they are claimed, sent once more and marked.
        var restarted = await OpenAsync(name);
        var afterRestart = new RecordingSender();
        var again = new PipelineHarness(restarted, time, "n2");
        var worker = again.OutboxWorker(afterRestart, again.Marks(restarted.Outbox, TimeSpan.FromSeconds(1)));
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(0, await worker.RunOnceAsync(Ct));
        time.Advance(TimeSpan.FromSeconds(21));
        Assert.Equal(2, await worker.RunOnceAsync(Ct));
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, await worker.RunOnceAsync(Ct));

        Assert.Equal(["m1", "m2"], beforeCrash.Sent.Order(StringComparer.Ordinal));
        Assert.Equal(["m1", "m2"], afterRestart.Sent.Order(StringComparer.Ordinal));
        Assert.Equal(2, await restarted.Outbox.CountAsync(OutboxStatus.Sent, Ct));
    }

    [Fact]
    public async Task A_message_sent_whose_mark_is_still_gathering_is_not_sent_again_when_its_lease_runs_out()
    {
        var stores = await OpenFreshAsync();
        var time = new FakeTimeProvider(T0);
        var pipeline = new PipelineHarness(stores, time);
        var marks = pipeline.Marks(stores.Outbox, TimeSpan.FromSeconds(1));
        await stores.Outbox.EnqueueAsync([Outbox("m1", T0)], Ct);
        await stores.Outbox.ClaimDueAsync("test", T0, TimeSpan.FromSeconds(30), 10, Ct);
        await marks.AddAsync(new SentMark("m1", "tg-1", T0), Ct);
        var sender = new RecordingSender();

        time.Advance(TimeSpan.FromMinutes(5));
        await pipeline.OutboxWorker(sender, marks).RunOnceAsync(Ct);

        Assert.Empty(sender.Sent);
        Assert.Equal(("tg-1", OutboxStatus.Sent), ((await stores.Outbox.GetAsync("m1", Ct))!.ExternalMessageId, (await stores.Outbox.GetAsync("m1", Ct))!.Status));
    }
}
