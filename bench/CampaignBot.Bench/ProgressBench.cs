using System.Diagnostics;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Bench;

/// <summary>
/// /progress for the office at city scale: the dashboard bench's 500 units and 20,000 members on SQLite, each page of
/// the all-units view and one unit's view through the real router, timed and measured (characters per message).
/// </summary>
internal static class ProgressBench
{
    private const int Repeats = 10;

    public static async Task RunAsync(int unitCount, int memberCount)
    {
        Console.WriteLine($"CampaignBot /progress benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-progress-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var campaignFile = Path.Combine(folder, "campaign.yaml");
            var units = await DashboardBench.WriteCampaignAsync(campaignFile, unitCount);
            var database = Path.Combine(folder, "campaignbot.db");
            Console.WriteLine($"data: {units.Count} units, {await DashboardBench.SeedAsync(database, units, memberCount)}");
            var stores = await Storage.Sqlite.SqliteStores.OpenAsync(database, CancellationToken.None);
            var office = new Member { Id = "console:office", Channel = "console", UserId = "office", Name = "活动办", Rank = "county", UnitId = "city", Role = Roles.CampaignOffice, RegisteredAt = DateTimeOffset.UtcNow };
            await stores.Members.UpsertAsync(office, CancellationToken.None);

            using var host = await CampaignBotApp.BuildAsync([], new Dictionary<string, string?>
            {
                ["Storage:SqlitePath"] = database,
                ["Campaign:File"] = campaignFile,
                ["Console:Enabled"] = "false",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            var router = host.Services.GetRequiredService<ConversationRouter>();
            var campaign = host.Services.GetRequiredService<CampaignDefinition>();
            var township = units.First(u => u.Kind == "township" && u.Id.StartsWith("gen_", StringComparison.Ordinal));

            Console.WriteLine("| what | messages | longest message (chars) | median ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|");
            foreach (var (what, args) in new[] { ("`/progress` (page 1 and the sections)", ""), ("`/progress 2`", "2"), ("`/progress 40` (the last page)", "40"), ($"`/progress {township.Id}` (a township)", township.Id), ("`/progress county_east`", "county_east") })
            {
                var times = new List<double>();
                IReadOnlyList<Outbound> replies = [];
                for (var i = 0; i < Repeats + 1; i++)
                {
                    var chat = new ChatRef("console", "office", ChatKind.Private);
                    var update = new Inbound($"bench-{Guid.NewGuid():N}", i, chat, new UserRef("office"), new CommandInput("progress", args), DateTimeOffset.UtcNow);
                    var context = new FlowContext(update, new Session { Key = update.ConversationKey }, office, campaign, DateTimeOffset.UtcNow);
                    var clock = Stopwatch.StartNew();
                    await router.RouteAsync(context, CancellationToken.None);
                    if (i > 0)
                    {
                        times.Add(clock.Elapsed.TotalMilliseconds);
                    }

                    replies = context.Replies;
                }

                times.Sort();
                var longest = replies.OfType<TextMessage>().Max(m => m.Text.Length);
                Console.WriteLine($"| {what} | {replies.Count} | {longest:N0} | {times[times.Count / 2]:F0} | {times[^1]:F0} |");
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
