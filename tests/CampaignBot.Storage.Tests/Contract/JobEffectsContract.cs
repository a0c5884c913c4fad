using CampaignBot.Core.Messaging;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>
/// A job's effects take the one route: saved with its firing record in one write, then applied under ids derived from
/// the firing; a crash in between is repaired by the next worker, once.
/// </summary>
public abstract partial class StoreContractTests
{
    private static string MessageIdOf(string jobId, DateTimeOffset dueAt) => $"job:{jobId}@{dueAt.UtcTicks}#0000";

    [Fact]
    public async Task A_firing_record_keeps_the_effects_it_was_inserted_with()
    {
        var stores = await OpenFreshAsync();
        var firing = new JobFiring("j", T0, "n1", T0, null) { Effects = "{\"jobId\":\"j\",\"note\":\"学习提醒\"}" };

        Assert.True(await stores.Jobs.TryRecordFiringAsync(firing, Ct));
        Assert.False(await stores.Jobs.TryRecordFiringAsync(firing with { Owner = "n2", Effects = "{}" }, Ct));

        Assert.Equal(firing, await stores.Jobs.GetFiringAsync("j", T0, Ct));
    }

    [Fact]
    public async Task The_effects_of_a_firing_are_applied_under_ids_from_the_firing_and_dropped_from_its_record_once_complete()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);
        var handler = new CountingJobHandler();

        await new PipelineHarness(stores, new FakeTimeProvider(T0)).Scheduler(handler).RunOnceAsync(Ct);

        var firing = (await stores.Jobs.GetFiringAsync("j", T0, Ct))!;
        Assert.NotNull(firing.CompletedAt);
        Assert.Null(firing.Effects);
        var sent = (await stores.Outbox.GetAsync(MessageIdOf("j", T0), Ct))!;
        Assert.Equal("提醒：j", Assert.IsType<TextMessage>(sent.ReadBody()).Text);
        Assert.Equal(CountingJobHandler.Member, sent.Chat);
        Assert.Equal(T0.AddDays(1), (await stores.Jobs.GetAsync("follow-up:j", Ct))!.DueAt);
    }

    [Fact]
    public async Task A_crash_between_saving_a_firing_and_applying_its_effects_is_replayed_once_without_firing_again()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0, Daily), Ct);
        var time = new FakeTimeProvider(T0);
        var handler = new CountingJobHandler();
        var crashing = new PipelineHarness(stores, time, "a").Scheduler(handler, new CrashingOutbox(stores.Outbox));

        await Assert.ThrowsAsync<IOException>(() => crashing.RunOnceAsync(Ct));
        var saved = (await stores.Jobs.GetFiringAsync("j", T0, Ct))!;
        var effects = JobEffects.FromJson(saved.Effects!);
        Assert.Null(saved.CompletedAt);
        Assert.Equal([MessageIdOf("j", T0)], effects.Messages.Select(m => m.Id));
        Assert.Equal(["follow-up:j"], effects.Jobs.Select(j => j.Id));
        Assert.Null(await stores.Outbox.GetAsync(MessageIdOf("j", T0), Ct));
        Assert.Null(await stores.Jobs.GetAsync("follow-up:j", Ct));

        time.Advance(TimeSpan.FromSeconds(31));
        var survivor = new PipelineHarness(stores, time, "b").Scheduler(handler);
        await survivor.RunOnceAsync(Ct);
        await survivor.RunOnceAsync(Ct);

        Assert.Equal(1, handler.Count);
        Assert.Equal(1, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        Assert.NotNull(await stores.Outbox.GetAsync(MessageIdOf("j", T0), Ct));
        Assert.NotNull((await stores.Jobs.GetFiringAsync("j", T0, Ct))!.CompletedAt);
        Assert.NotNull(await stores.Jobs.GetAsync("follow-up:j", Ct));
        Assert.True((await stores.Jobs.GetAsync("j", Ct))!.DueAt > time.GetUtcNow(), "the daily job moved on to its next day");
    }

    [Fact]
    public async Task Two_workers_racing_over_due_jobs_store_each_firings_effects_once()
    {
        var stores = await OpenFreshAsync();
        for (var i = 0; i < 10; i++)
        {
            await stores.Jobs.UpsertAsync(Job($"job-{i}", T0), Ct);
        }

        var time = new FakeTimeProvider(T0 + TimeSpan.FromMinutes(1));
        var handler = new CountingJobHandler();
        var workers = new[] { new PipelineHarness(stores, time, "a").Scheduler(handler), new PipelineHarness(stores, time, "b").Scheduler(handler) };

        var fired = await InParallelAsync(6, i => workers[i % 2].RunOnceAsync(Ct));

        Assert.Equal(10, fired.Sum());
        Assert.Equal(10, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        for (var i = 0; i < 10; i++)
        {
            Assert.NotNull(await stores.Outbox.GetAsync(MessageIdOf($"job-{i}", T0), Ct));
            Assert.NotNull((await stores.Jobs.GetFiringAsync($"job-{i}", T0, Ct))!.CompletedAt);
        }
    }
}
