using System.Diagnostics;

using CampaignBot.Configuration;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.Features.Organisation;
using CampaignBot.Storage.Sqlite;

namespace CampaignBot.Bench;

/// <summary>
/// Imports a generated city (500 units, 20,000 members by default) into a fresh SQLite store with the real verbs,
/// twice: the first import's time is the figure in docs/benchmarks.md, the second must change nothing.
/// </summary>
public static class OrganisationBench
{
    public static async Task RunAsync(int units, int members)
    {
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-org-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        Console.WriteLine($"CampaignBot organisation import — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var clock = Stopwatch.StartNew();
        var (unitsPath, membersPath) = OrganisationSheets.Write(folder, units, members);
        Console.WriteLine($"generated {units} units and {members} members in {clock.Elapsed.TotalSeconds:F1} s ({new FileInfo(membersPath).Length / 1024} KB members.xlsx)");

        var campaign = CampaignLoader.Load(CampaignLoader.DefaultPath);
        var stores = await SqliteStores.OpenAsync(Path.Combine(folder, "campaignbot.db"), CancellationToken.None);
        await UnitTree.RefreshAsync(campaign, stores.Units, CancellationToken.None);
        foreach (var round in new[] { "first", "second" })
        {
            clock.Restart();
            var output = new StringWriter();
            var unitCode = await UnitsImportCommand.RunAsync(new ImportFile(unitsPath, DryRun: false), campaign, stores, TimeProvider.System, output, CancellationToken.None);
            var unitTime = clock.Elapsed;
            var memberCode = await MembersImportCommand.RunAsync(new ImportFile(membersPath, DryRun: false), campaign, stores, TimeProvider.System, output, CancellationToken.None);
            Console.WriteLine($"{round} import: units {unitTime.TotalSeconds:F1} s, members {(clock.Elapsed - unitTime).TotalSeconds:F1} s, total {clock.Elapsed.TotalSeconds:F1} s (exit {unitCode}/{memberCode})");
            Console.Write(output);
        }

        Directory.Delete(folder, recursive: true);
    }
}
