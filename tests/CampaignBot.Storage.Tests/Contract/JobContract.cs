using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    private static readonly TimeSpan JobLease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Job_round_trips_and_upsert_replaces_it_and_clears_its_lease()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0, Weekly, "{\"unit\":\"城关镇\"}"), Ct);
        Assert.True(await stores.Jobs.TryLeaseAsync("j", T0, "n1", T0, JobLease, Ct));
        var leased = (await stores.Jobs.GetAsync("j", Ct))!;

        await stores.Jobs.UpsertAsync(Job("j", T0.AddHours(1), null, "{\"unit\":\"东关街道\"}"), Ct);
        var replaced = (await stores.Jobs.GetAsync("j", Ct))!;

        Assert.Equal("reminder", leased.Kind);
        Assert.Equal(Weekly, leased.Recurrence);
        Assert.Equal("n1", leased.LeaseOwner);
        Assert.Equal(T0 + JobLease, leased.LeaseUntil);
        Assert.Equal(T0.AddHours(1), replaced.DueAt);
        Assert.Equal("{\"unit\":\"东关街道\"}", replaced.Payload);
        Assert.Null(replaced.Recurrence);
        Assert.Null(replaced.LeaseOwner);
        Assert.Null(replaced.LeaseUntil);
    }

    [Fact]
    public async Task Cancelled_job_is_gone_and_cancelling_twice_says_so()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);

        Assert.True(await stores.Jobs.CancelAsync("j", Ct));
        Assert.False(await stores.Jobs.CancelAsync("j", Ct));
        Assert.Null(await stores.Jobs.GetAsync("j", Ct));
    }

    [Fact]
    public async Task Due_jobs_are_listed_earliest_first_without_future_or_leased_ones()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("late", T0.AddMinutes(-1)), Ct);
        await stores.Jobs.UpsertAsync(Job("early", T0.AddMinutes(-10)), Ct);
        await stores.Jobs.UpsertAsync(Job("leased", T0.AddMinutes(-20)), Ct);
        await stores.Jobs.UpsertAsync(Job("future", T0.AddMinutes(1)), Ct);
        await stores.Jobs.UpsertAsync(Job("exact", T0), Ct);
        await stores.Jobs.TryLeaseAsync("leased", T0.AddMinutes(-20), "n1", T0, JobLease, Ct);

        var due = await stores.Jobs.DueAsync(T0, 10, Ct);
        var firstTwo = await stores.Jobs.DueAsync(T0, 2, Ct);
        var afterLease = await stores.Jobs.DueAsync(T0 + JobLease + TimeSpan.FromSeconds(1), 1, Ct);

        Assert.Equal(["early", "late", "exact"], due.Select(j => j.Id));
        Assert.Equal(["early", "late"], firstTwo.Select(j => j.Id));
        Assert.Equal("leased", Assert.Single(afterLease).Id);
    }

    [Fact]
    public async Task Job_lease_is_taken_once_while_it_runs_and_only_at_the_jobs_due_time()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);

        Assert.False(await stores.Jobs.TryLeaseAsync("j", T0.AddMinutes(-5), "n1", T0, JobLease, Ct));
        Assert.False(await stores.Jobs.TryLeaseAsync("missing", T0, "n1", T0, JobLease, Ct));
        Assert.True(await stores.Jobs.TryLeaseAsync("j", T0, "n1", T0, JobLease, Ct));
        Assert.False(await stores.Jobs.TryLeaseAsync("j", T0, "n2", T0 + JobLease - TimeSpan.FromSeconds(1), JobLease, Ct));
        Assert.True(await stores.Jobs.TryLeaseAsync("j", T0, "n2", T0 + JobLease + TimeSpan.FromSeconds(1), JobLease, Ct));
        Assert.Equal("n2", (await stores.Jobs.GetAsync("j", Ct))!.LeaseOwner);
    }

    [Fact]
    public async Task Parallel_leases_of_one_job_let_exactly_one_node_have_it()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);

        var results = await InParallelAsync(12, i => stores.Jobs.TryLeaseAsync("j", T0, $"n{i}", T0, JobLease, Ct));

        var winner = Assert.Single(Enumerable.Range(0, 12), i => results[i]);
        Assert.Equal($"n{winner}", (await stores.Jobs.GetAsync("j", Ct))!.LeaseOwner);
    }

    [Fact]
    public async Task A_firing_is_recorded_once_per_job_and_due_time()
    {
        var stores = await OpenFreshAsync();
        var firing = new JobFiring("j", T0, "n1", T0.AddSeconds(1), null);

        Assert.True(await stores.Jobs.TryRecordFiringAsync(firing, Ct));
        Assert.False(await stores.Jobs.TryRecordFiringAsync(firing with { Owner = "n2" }, Ct));
        Assert.True(await stores.Jobs.TryRecordFiringAsync(firing with { DueAt = T0.AddDays(7) }, Ct));
        Assert.True(await stores.Jobs.TryRecordFiringAsync(firing with { JobId = "other" }, Ct));

        Assert.Equal(firing, await stores.Jobs.GetFiringAsync("j", T0, Ct));
        Assert.Null(await stores.Jobs.GetFiringAsync("j", T0.AddDays(14), Ct));
    }

    [Fact]
    public async Task Parallel_firings_of_one_due_time_record_exactly_one()
    {
        var stores = await OpenFreshAsync();

        var results = await InParallelAsync(20, i => stores.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, $"n{i}", T0, null), Ct));

        var winner = Assert.Single(Enumerable.Range(0, 20), i => results[i]);
        Assert.Equal($"n{winner}", (await stores.Jobs.GetFiringAsync("j", T0, Ct))!.Owner);
    }

    [Fact]
    public async Task Completing_a_recurring_job_marks_the_firing_and_moves_the_job_on()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0, Daily), Ct);
        await stores.Jobs.TryLeaseAsync("j", T0, "n1", T0, JobLease, Ct);
        await stores.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n1", T0, null), Ct);

        await stores.Jobs.CompleteAsync("j", T0, T0.AddDays(1), T0.AddSeconds(5), Ct);

        var job = (await stores.Jobs.GetAsync("j", Ct))!;
        Assert.Equal(T0.AddDays(1), job.DueAt);
        Assert.Equal(Daily, job.Recurrence);
        Assert.Null(job.LeaseOwner);
        Assert.Null(job.LeaseUntil);
        Assert.Equal(T0.AddSeconds(5), (await stores.Jobs.GetFiringAsync("j", T0, Ct))!.CompletedAt);
    }

    [Fact]
    public async Task Completing_a_one_off_job_deletes_it()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);
        await stores.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n1", T0, null), Ct);

        await stores.Jobs.CompleteAsync("j", T0, null, T0.AddSeconds(5), Ct);

        Assert.Null(await stores.Jobs.GetAsync("j", Ct));
        Assert.Equal(T0.AddSeconds(5), (await stores.Jobs.GetFiringAsync("j", T0, Ct))!.CompletedAt);
    }

    [Fact]
    public async Task A_reschedule_during_firing_wins_over_the_completion()
    {
        var stores = await OpenFreshAsync();
        await stores.Jobs.UpsertAsync(Job("j", T0), Ct);
        await stores.Jobs.TryRecordFiringAsync(new JobFiring("j", T0, "n1", T0, null), Ct);
        await stores.Jobs.UpsertAsync(Job("j", T0.AddHours(3)), Ct);

        await stores.Jobs.CompleteAsync("j", T0, null, T0.AddSeconds(5), Ct);

        Assert.Equal(T0.AddHours(3), (await stores.Jobs.GetAsync("j", Ct))!.DueAt);
        Assert.Equal(T0.AddSeconds(5), (await stores.Jobs.GetFiringAsync("j", T0, Ct))!.CompletedAt);
    }

    [Fact]
    public async Task Job_store_refuses_bad_arguments_with_clear_errors()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Jobs.UpsertAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Jobs.TryRecordFiringAsync(null!, Ct));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => stores.Jobs.DueAsync(T0, 0, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Jobs.TryLeaseAsync("j", T0, "", T0, JobLease, Ct));
    }
}
