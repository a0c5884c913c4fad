using System.Diagnostics;
using System.Globalization;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using CampaignBot.Core.Features.Study;
using CampaignBot.Hosting;
using CampaignBot.Telegram.Tests.StandIn;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Bench;

/// <summary>
/// Reminder fan-out: N members below their minimum on a reminder day, the real host (scheduler, reminder sweep,
/// outbox worker, Telegram sender) sending to the Bot API stand-in with Telegram's limits. Reports the time against
/// N / global rate, 429s and duplicates.
/// </summary>
internal static class ReminderFanOut
{
    public static async Task<int> RunAsync(int members, int rate, int botRate)
    {
        const string token = "123456789:AAH-bench-token";
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-bench", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(folder, "bench.db");
        var clock = new ShiftedClock(new DateTimeOffset(2027, 1, 23, 9, 0, 0, TimeSpan.FromHours(8)));
        await using var standIn = await BotApiStandIn.StartAsync(token, new StandInRules { GlobalPerSecond = rate });
        await SeedAsync(database, members, clock);

        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = database,
            ["Campaign:File"] = Path.Combine(FindRepoRoot(), "config", "campaign.yaml"),
            ["Console:Enabled"] = "false",
            ["Telegram:Token"] = token,
            ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Telegram:GlobalPerSecond"] = botRate.ToString(CultureInfo.InvariantCulture),
            ["Pipeline:PollInterval"] = "00:00:00.050",
        };
        using var host = await CampaignBotApp.BuildAsync([], settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(clock);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
        });

        var watch = Stopwatch.StartNew();
        await host.StartAsync();
        while (standIn.State.Sent.Count < members && watch.Elapsed < TimeSpan.FromSeconds(members / (double)botRate * 3 + 60))
        {
            await Task.Delay(200);
        }

        var elapsed = watch.Elapsed;
        await host.StopAsync();
        var sent = standIn.State.Sent.Where(s => s.Method == "sendMessage").ToList();
        var duplicates = sent.Count - sent.Select(s => s.ChatId).Distinct().Count();
        var throttled = standIn.State.Refused.Count(r => r.ErrorCode == 429);
        var minimum = TimeSpan.FromSeconds(members / (double)botRate);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reminder fan-out: {members} members, stand-in limit {rate}/s, bot's global rate {botRate}/s\nsent {sent.Count} in {elapsed.TotalSeconds:F1} s; theoretical minimum {minimum.TotalSeconds:F1} s ({elapsed / minimum:F2}x)\n429 answers: {throttled}; duplicates: {duplicates}"));
        Directory.Delete(folder, recursive: true);
        return sent.Count == members && throttled == 0 && duplicates == 0 ? 0 : 1;
    }

    /// <summary>Members of one county below every minimum, and the sweep due now so the host fires it on start.</summary>
    private static async Task SeedAsync(string database, int count, TimeProvider clock)
    {
        var stores = await Storage.Sqlite.SqliteStores.OpenAsync(database, CancellationToken.None);
        for (var i = 0; i < count; i++)
        {
            var user = (100_000 + i).ToString(CultureInfo.InvariantCulture);
            await stores.Members.UpsertAsync(
                new Member { Id = Member.IdFor("telegram", user), Channel = "telegram", UserId = user, Name = "成员" + user, Rank = "county", UnitId = "county_east", Role = Roles.Member, RegisteredAt = clock.GetUtcNow() },
                CancellationToken.None);
        }

        await stores.Jobs.UpsertAsync(
            new ScheduledJob { Id = StudyReminderJobHandler.JobId, Kind = StudyReminderJobHandler.JobKind, Payload = "{}", DueAt = clock.GetUtcNow(), Recurrence = StudyReminderSchedule.Sweep.ToString() },
            CancellationToken.None);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CampaignBot.sln")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
