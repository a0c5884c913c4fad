using CampaignBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>
/// The message path's promises, kept on every store: a redelivered update changes nothing, a version conflict
/// is retried, the outbox survives a restart and sends once, a job fires once under a race and after downtime.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_redelivered_update_changes_nothing()
    {
        var stores = await OpenFreshAsync();
        var pipeline = new PipelineHarness(stores, new FakeTimeProvider(T0));
        var handler = pipeline.Handler();
        var update = PipelineHarness.Command("u1", "start");

        await handler.HandleAsync(update, Ct);
        var session = await stores.Sessions.GetAsync(update.ConversationKey, Ct);
        var pending = await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct);
        await handler.HandleAsync(update, Ct);

        var again = await stores.Sessions.GetAsync(update.ConversationKey, Ct);
        Assert.Equal(session!.Version, again!.Version);
        Assert.Equal(pending, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        Assert.Equal(1, pending); // the start of registration: the welcome and the code's prompt in one message
    }

    [Fact]
    public async Task Effects_lost_in_a_crash_after_the_session_was_saved_are_stored_on_redelivery()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        var pipeline = new PipelineHarness(stores, new FakeTimeProvider(T0));
        var update = PipelineHarness.Command("u1", "start");

        await Assert.ThrowsAsync<IOException>(() => pipeline.Handler(outbox: new CrashingOutbox(stores.Outbox)).HandleAsync(update, Ct));
        Assert.Equal(0, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));

        var restarted = await OpenAsync(name);
        await new PipelineHarness(restarted, new FakeTimeProvider(T0)).Handler().HandleAsync(update, Ct);
        await new PipelineHarness(restarted, new FakeTimeProvider(T0)).Handler().HandleAsync(update, Ct);

        Assert.Equal(1, await restarted.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        Assert.Equal(1, (await restarted.Sessions.GetAsync(update.ConversationKey, Ct))!.Version);
    }

    [Fact]
    public async Task A_version_conflict_is_detected_and_the_update_retried_on_the_newer_session()
    {
        var stores = await OpenFreshAsync();
        var pipeline = new PipelineHarness(stores, new FakeTimeProvider(T0));
        var first = PipelineHarness.Command("u1", "help");
        var second = PipelineHarness.Command("u2", "start");
        var racing = new RacingSessionStore(stores.Sessions, () => pipeline.Handler().HandleAsync(first, Ct));

        await pipeline.Handler(sessions: racing).HandleAsync(second, Ct);

        var session = await stores.Sessions.GetAsync(second.ConversationKey, Ct);
        Assert.Equal(1, racing.Conflicts);
        Assert.Equal(2, session!.Version);
        Assert.Equal(["u1", "u2"], session.RecentUpdates);
        Assert.Equal("reg", session.Flow);
    }

    [Fact]
    public async Task Outbox_messages_survive_a_restart_and_are_sent_once()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        await stores.Outbox.EnqueueAsync([ContractData.Outbox("o1", T0), ContractData.Outbox("o2", T0), ContractData.Outbox("o3", T0)], Ct);

        var restarted = await OpenAsync(name);
        var sender = new RecordingSender();
        var worker = new PipelineHarness(restarted, new FakeTimeProvider(T0)).OutboxWorker(sender);
        await worker.RunOnceAsync(Ct);
        await restarted.Outbox.EnqueueAsync([ContractData.Outbox("o1", T0), ContractData.Outbox("o2", T0)], Ct);
        await worker.RunOnceAsync(Ct);

        var again = await OpenAsync(name);
        await new PipelineHarness(again, new FakeTimeProvider(T0 + TimeSpan.FromHours(1))).OutboxWorker(sender).RunOnceAsync(Ct);

        Assert.Equal(["o1", "o2", "o3"], sender.Sent);
        Assert.Equal(3, await again.Outbox.CountAsync(OutboxStatus.Sent, Ct));
    }

    [Fact]
    public async Task A_message_claimed_by_an_instance_that_died_is_sent_by_another_after_its_lease()
    {
        var stores = await OpenFreshAsync();
        await stores.Outbox.EnqueueAsync([ContractData.Outbox("o1", T0)], Ct);
        Assert.Single(await stores.Outbox.ClaimDueAsync("dead", T0, TimeSpan.FromSeconds(30), 10, Ct));
        var time = new FakeTimeProvider(T0 + TimeSpan.FromSeconds(5));
        var sender = new RecordingSender();
        var worker = new PipelineHarness(stores, time, "alive").OutboxWorker(sender);

        await worker.RunOnceAsync(Ct);
        Assert.Empty(sender.Sent);
        time.Advance(TimeSpan.FromSeconds(30));
        await worker.RunOnceAsync(Ct);
        await worker.RunOnceAsync(Ct);

        Assert.Equal(["o1"], sender.Sent);
    }

    [Fact]
    public async Task A_reply_handed_over_from_memory_is_sent_after_the_chats_message_put_back_in_the_store()
    {
        var stores = await OpenFreshAsync();
        var time = new FakeTimeProvider(T0);
        var sender = new ThrottlingOnceSender("first", TimeSpan.FromSeconds(1));
        var pipeline = new PipelineHarness(stores, time);
        var (worker, handoff) = pipeline.HandingOffOutboxWorker(sender);
        await stores.Outbox.EnqueueAsync([ContractData.Outbox("first", T0)], Ct);
        await worker.StartAsync(Ct);
        try
        {
            // The channel asks the bot to wait a second: "first" goes back to the store until then.
            await WaitUntilAsync(async () => await stores.Outbox.GetAsync("first", Ct) is { LeaseOwner: null, Attempts: 0 } m && m.NextAttemptAt > T0);
            time.Advance(TimeSpan.FromSeconds(1));

            // A new reply to the same chat arrives straight from memory once the wait is over.
            var reply = handoff.Lease([ContractData.Outbox("second", T0 + TimeSpan.FromSeconds(1))], time.GetUtcNow());
            await stores.Outbox.EnqueueAsync(reply, Ct);
            Assert.True(handoff.Offer(reply));
            await WaitUntilAsync(() => Task.FromResult(sender.Sent.Contains("second")));

            Assert.Equal(["first", "second"], sender.Sent);
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task A_message_whose_lease_runs_out_during_a_slow_send_is_not_sent_again_by_the_same_worker()
    {
        var stores = await OpenFreshAsync();
        var time = new FakeTimeProvider(T0);
        var sender = new GatedSender();
        var worker = new PipelineHarness(stores, time).OutboxWorker(sender);
        await stores.Outbox.EnqueueAsync([ContractData.Outbox("slow", T0)], Ct);

        var first = worker.RunOnceAsync(Ct);
        await sender.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromMinutes(1)); // past the 30 s lease while the channel still has not answered
        var second = worker.RunOnceAsync(Ct);
        await Task.Delay(50, Ct);
        sender.Release.SetResult();
        await Task.WhenAll(first, second).WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(["slow"], sender.Sent);
        Assert.Equal(OutboxStatus.Sent, (await stores.Outbox.GetAsync("slow", Ct))!.Status);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var giveUp = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < giveUp, "The outbox worker did not get there within 10 s.");
            await Task.Delay(10, Ct);
        }
    }

    [Fact]
    public async Task Two_scheduler_workers_racing_fire_each_job_once()
    {
        var stores = await OpenFreshAsync();
        for (var i = 0; i < 20; i++)
        {
            await stores.Jobs.UpsertAsync(ContractData.Job($"job-{i}", T0), Ct);
        }

        var time = new FakeTimeProvider(T0 + TimeSpan.FromMinutes(1));
        var handler = new CountingJobHandler();
        var workers = new[] { new PipelineHarness(stores, time, "a").Scheduler(handler), new PipelineHarness(stores, time, "b").Scheduler(handler) };

        var fired = await InParallelAsync(8, i => workers[i % 2].RunOnceAsync(Ct));

        Assert.Equal(20, handler.Count);
        Assert.Equal(20, fired.Sum());
        Assert.Empty(await stores.Jobs.DueAsync(time.GetUtcNow(), 100, Ct));
    }

    [Fact]
    public async Task A_recurring_job_missed_during_downtime_fires_once_and_moves_past_now()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(ContractData.Job("hourly", T0, ContractData.Hourly), Ct);
        var time = new FakeTimeProvider(T0 + TimeSpan.FromDays(3) + TimeSpan.FromMinutes(10));
        var handler = new CountingJobHandler();
        var worker = new PipelineHarness(stores, time).Scheduler(handler);

        await worker.RunOnceAsync(Ct);
        await worker.RunOnceAsync(Ct);

        Assert.Equal(1, handler.Count);
        var job = await stores.Jobs.GetAsync("hourly", Ct);
        Assert.Equal(T0 + TimeSpan.FromDays(3) + TimeSpan.FromHours(1), job!.DueAt);
    }

    [Fact]
    public async Task A_monthly_job_moves_by_calendar_months_through_february_and_over_the_year_end()
    {
        var stores = await OpenFreshAsync();
        var shanghai = TimeSpan.FromHours(8);
        var due = new DateTimeOffset(2027, 1, 31, 10, 0, 0, shanghai);
        await stores.Jobs.UpsertAsync(ContractData.Job("monthly", due, "monthly:31@10:00"), Ct);
        var time = new FakeTimeProvider(due);
        var handler = new CountingJobHandler();
        var worker = new PipelineHarness(stores, time).Scheduler(handler);
        var seen = new List<DateTimeOffset>();

        for (var i = 0; i < 12; i++)
        {
            var job = (await stores.Jobs.GetAsync("monthly", Ct))!;
            seen.Add(job.DueAt.ToOffset(shanghai));
            time.SetUtcNow(job.DueAt);
            await worker.RunOnceAsync(Ct);
        }

        Assert.Equal(12, handler.Count);
        Assert.Equal(
            [(2027, 1, 31), (2027, 2, 28), (2027, 3, 31), (2027, 4, 30), (2027, 5, 31), (2027, 6, 30), (2027, 7, 31), (2027, 8, 31), (2027, 9, 30), (2027, 10, 31), (2027, 11, 30), (2027, 12, 31)],
            seen.Select(d => (d.Year, d.Month, d.Day)));
        Assert.All(seen, d => Assert.Equal(10, d.Hour));
        Assert.Equal(new DateTimeOffset(2028, 1, 31, 10, 0, 0, shanghai), (await stores.Jobs.GetAsync("monthly", Ct))!.DueAt);
    }
}
