using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Tests.Configuration;
using CampaignBot.Tests.Shared;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Study;

/// <summary>
/// The reminder sweep on a SQLite file of its own, the shipped campaign and a fake clock. Each scheduler worker
/// made here opens the stores anew, as a restarted or second instance would.
/// </summary>
internal sealed class ReminderRig : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "campaignbot-study-tests", Guid.NewGuid().ToString("N"), "bot.db");

    public ReminderRig(DateTimeOffset start)
    {
        Clock = new FakeTimeProvider(start);
        Calendar = new CampaignCalendar(Campaign);
    }

    public FakeTimeProvider Clock { get; }

    public CampaignDefinition Campaign { get; } = CampaignFiles.LoadShipped();

    public CampaignCalendar Calendar { get; }

    public ReminderOptions Options { get; } = new();

    public QuietHours Quiet { get; } = new();

    public static DateTimeOffset Local(int month, int day, int hour, int minute = 0) =>
        new(2027, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    public Task<StoreBundle> StoresAsync() => SqliteStores.OpenAsync(_path, CancellationToken.None);

    public async Task<SchedulerWorker> WorkerAsync(string instance)
    {
        var stores = await StoresAsync();
        var progress = new StudyProgressService(Campaign, Calendar, stores.ActivityLog, stores.Households);
        var handler = new StudyReminderJobHandler(
            stores.Members, stores.ReminderSettings, progress, Campaign, Calendar, Microsoft.Extensions.Options.Options.Create(Options));
        return new SchedulerWorker(
            stores.Jobs,
            [handler],
            new EffectApplier(stores.Outbox, stores.Jobs, new InboxWriter(stores.Inbox, new PipelineSignals(), Clock)),
            Calendar,
            Microsoft.Extensions.Options.Options.Create(Quiet),
            new PipelineSignals(),
            Microsoft.Extensions.Options.Options.Create(new PipelineOptions { InstanceId = instance }),
            Clock,
            NullLogger<SchedulerWorker>.Instance);
    }

    /// <summary>Creates the hourly sweep as a fresh start would (next full hour after the clock).</summary>
    public async Task ScheduleAsync() => await new StudyReminderSchedule((await StoresAsync()).Jobs, Calendar, Clock).EnsureAsync(CancellationToken.None);

    public async Task<Member> AddMemberAsync(string user, string unit = "county_east", string rank = "county", string role = Roles.Member)
    {
        var member = TestMembers.OnTelegram(user, "成员" + user, unit, role, rank, Clock.GetUtcNow());
        await (await StoresAsync()).Members.UpsertAsync(member, CancellationToken.None);
        return member;
    }

    /// <summary>Every message in the outbox, whatever its send time.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> OutboxAsync()
    {
        var stores = await StoresAsync();
        return await stores.Outbox.ClaimDueAsync("reader", DateTimeOffset.MaxValue.AddDays(-1), TimeSpan.FromSeconds(1), 1000, CancellationToken.None);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        var folder = Path.GetDirectoryName(_path)!;
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
