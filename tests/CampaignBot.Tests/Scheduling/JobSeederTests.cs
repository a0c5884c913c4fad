using CampaignBot.Core.Features.Organisation;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Scheduling;

public sealed class JobSeederTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2027, 1, 10, 8, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("campaignbot-seeder-tests");
    private readonly FakeTimeProvider _clock = new(Start);
    private StoreBundle _stores = null!;

    public async Task InitializeAsync() => _stores = await SqliteStores.OpenAsync(Path.Combine(_folder.FullName, "bot.db"), CancellationToken.None);

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        _folder.Delete(recursive: true);
        return Task.CompletedTask;
    }

    private static ScheduledJob Daily(string id, DateTimeOffset due, string rule = "daily:09:00") =>
        new() { Id = id, Kind = id, Payload = "{}", DueAt = due, Recurrence = rule };

    /// <summary>Two jobs, one with no first firing yet; a stored job under another rule takes today's rule, keeping its due time.</summary>
    private sealed class TwoJobs(IJobStore jobs, TimeProvider time) : JobSeeder(jobs, time)
    {
        protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs =>
        [
            ("first", now => Daily("first", now.AddHours(1))),
            ("later", _ => null),
        ];

        protected override ScheduledJob Renew(ScheduledJob existing, DateTimeOffset now) =>
            existing.Recurrence == "daily:09:00" ? existing : existing with { Recurrence = "daily:09:00" };
    }

    [Fact]
    public async Task A_missing_job_is_written_with_its_first_firing_and_one_with_none_yet_is_not_written()
    {
        await new TwoJobs(_stores.Jobs, _clock).StartAsync(CancellationToken.None);

        Assert.Equal(Start.AddHours(1), (await _stores.Jobs.GetAsync("first", CancellationToken.None))?.DueAt);
        Assert.Null(await _stores.Jobs.GetAsync("later", CancellationToken.None));
    }

    [Fact]
    public async Task A_restart_keeps_an_existing_job_s_due_time_and_renews_only_its_rule()
    {
        var due = Start.AddMinutes(-30);
        await _stores.Jobs.UpsertAsync(Daily("first", due, "daily:08:00"), CancellationToken.None);
        _clock.Advance(TimeSpan.FromDays(2));

        await new TwoJobs(_stores.Jobs, _clock).StartAsync(CancellationToken.None);

        var kept = await _stores.Jobs.GetAsync("first", CancellationToken.None);
        Assert.Equal(due, kept?.DueAt);
        Assert.Equal("daily:09:00", kept?.Recurrence);
    }

    [Fact]
    public async Task The_address_book_sync_under_a_new_interval_starts_over_at_once_and_under_the_same_one_keeps_its_time()
    {
        var hourly = new ContactSyncSchedule(_stores.Jobs, Options.Create(new ContactSyncOptions { Interval = TimeSpan.FromHours(1) }), _clock);
        await hourly.StartAsync(CancellationToken.None);
        var first = await _stores.Jobs.GetAsync(ContactSyncJobHandler.JobId, CancellationToken.None);
        Assert.Equal(Start, first?.DueAt);

        _clock.Advance(TimeSpan.FromMinutes(10));
        await hourly.StartAsync(CancellationToken.None);
        Assert.Equal(Start, (await _stores.Jobs.GetAsync(ContactSyncJobHandler.JobId, CancellationToken.None))?.DueAt);

        var everyTwoHours = new ContactSyncSchedule(_stores.Jobs, Options.Create(new ContactSyncOptions { Interval = TimeSpan.FromHours(2) }), _clock);
        await everyTwoHours.StartAsync(CancellationToken.None);
        var renewed = await _stores.Jobs.GetAsync(ContactSyncJobHandler.JobId, CancellationToken.None);
        Assert.Equal(Start.AddMinutes(10), renewed?.DueAt);
        Assert.NotEqual(first?.Recurrence, renewed?.Recurrence);
    }
}
