using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Storage;
using CampaignBot.Hosting;
using CampaignBot.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Bench;

/// <summary>
/// The dashboard's page times on SQLite with a generated campaign: the shipped campaign's 11 units plus generated
/// townships and villages up to <c>--units</c>, <c>--members</c> members spread over them with study, examinations,
/// pledges, check-ins and evaluation rounds (see docs/benchmarks.md).
/// </summary>
internal static partial class DashboardBench
{
    private const int Repeats = 20;

    public static async Task RunAsync(int unitCount, int memberCount)
    {
        Console.WriteLine($"CampaignBot dashboard benchmark — {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        var folder = Path.Combine(Path.GetTempPath(), "campaignbot-dashboard-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var campaignFile = Path.Combine(folder, "campaign.yaml");
            var units = await WriteCampaignAsync(campaignFile, unitCount);
            var database = Path.Combine(folder, "campaignbot.db");
            var clock = Stopwatch.StartNew();
            var counts = await SeedAsync(database, units, memberCount);
            Console.WriteLine($"data: {units.Count} units, {counts} (generated in {clock.Elapsed.TotalSeconds:F0} s)");

            using var host = await CampaignBotApp.BuildAsync([], new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Storage:SqlitePath"] = database,
                ["Campaign:File"] = campaignFile,
                ["Console:Enabled"] = "false",
                ["Dashboard:Enabled"] = "true",
                ["Dashboard:LinksPerWindow"] = "100",
                ["Logging:LogLevel:Default"] = "Warning",
            });
            await host.StartAsync();
            var address = new Uri(host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            while (host.Services.GetRequiredService<DashboardAddress>().BaseUrl is null)
            {
                await Task.Delay(10);
            }

            var township = units.First(u => u.Kind == "township" && u.Id.StartsWith("gen_", StringComparison.Ordinal));
            var village = units.First(u => u.ParentId == township.Id);
            Console.WriteLine("| page | viewer | bytes | median ms | p95 ms | max ms |");
            Console.WriteLine("|---|---|---|---|---|---|");
            var office = await SignInAsync(host, address, Viewer("office", Roles.CampaignOffice, "city"));
            var cold = Stopwatch.StartNew();
            await office.GetByteArrayAsync("/");
            Console.WriteLine($"(the first overview after start, which reads every store for the snapshot: {cold.ElapsedMilliseconds} ms)");
            foreach (var path in new[] { "/", $"/units/{township.Id}", $"/units/{village.Id}", "/units/county_east", "/evaluations", "/downloads", "/downloads/members.csv", "/downloads/examinations.xlsx" })
            {
                await MeasureAsync(office, path, "office (all units)");
            }

            var secretary = await SignInAsync(host, address, Viewer("secretary", Roles.Secretary, township.Id));
            foreach (var path in new[] { "/", $"/units/{township.Id}", "/evaluations" })
            {
                await MeasureAsync(secretary, path, "secretary (a township)");
            }

            await host.StopAsync();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(HttpClient client, string path, string viewer)
    {
        var bytes = 0;
        for (var i = 0; i < 3; i++)
        {
            bytes = (await client.GetByteArrayAsync(path)).Length;
        }

        var times = new List<double>();
        for (var i = 0; i < Repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(path);
            await response.Content.ReadAsByteArrayAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {response.StatusCode}");
            }
        }

        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `{path}` | {viewer} | {bytes:N0} | {times[times.Count / 2]:F0} | {times[(int)(times.Count * 0.95) - 1]:F0} | {times[^1]:F0} |"));
    }

    private static Member Viewer(string user, string role, string unit) => new()
    {
        Id = Member.IdFor("telegram", "bench-" + user),
        Channel = "telegram",
        UserId = "bench-" + user,
        Name = "基准" + user,
        Rank = "county",
        UnitId = unit,
        Role = role,
        RegisteredAt = DateTimeOffset.UtcNow,
    };

    private static async Task<HttpClient> SignInAsync(IHost host, Uri address, Member viewer)
    {
        await host.Services.GetRequiredService<IMemberStore>().UpsertAsync(viewer, CancellationToken.None);
        var (link, _) = await host.Services.GetRequiredService<DashboardSignIn>().IssueLinkAsync(viewer, CancellationToken.None);
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = address };
        var page = await client.GetStringAsync("/signin?token=" + link!.Token);
        var fields = Hidden().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Signing in failed: " + response.StatusCode);
        }

        return client;
    }

    /// <summary>The shipped campaign with generated townships (under the two counties) and villages (under the townships).</summary>
    internal static async Task<IReadOnlyList<UnitDefinition>> WriteCampaignAsync(string file, int unitCount)
    {
        var shipped = await File.ReadAllLinesAsync(Path.Combine("config", "campaign.yaml"));
        var unitsAt = Array.FindIndex(shipped, l => l.StartsWith("units:", StringComparison.Ordinal));
        var endAt = Array.FindIndex(shipped, unitsAt + 1, l => l.Length > 0 && char.IsAsciiLetterLower(l[0]));
        var generated = new StringBuilder();
        var extra = Math.Max(0, unitCount - 11);
        var townships = Math.Max(1, extra / 12);
        for (var t = 0; t < townships; t++)
        {
            generated.Append(CultureInfo.InvariantCulture, $"  - id: gen_town_{t}\n    name: 生成乡镇{t}\n    kind: township\n    parent: {(t % 2 == 0 ? "county_east" : "district_west")}\n");
        }

        for (var v = 0; v < extra - townships; v++)
        {
            generated.Append(CultureInfo.InvariantCulture, $"  - id: gen_village_{v}\n    name: 生成村{v}\n    kind: village\n    parent: gen_town_{v % townships}\n");
        }

        var text = string.Join('\n', shipped[..endAt]) + "\n" + generated + string.Join('\n', shipped[endAt..]) + "\n";
        await File.WriteAllTextAsync(file, text);
        return Configuration.CampaignLoader.Load(file).Units;
    }

    internal static async Task<string> SeedAsync(string database, IReadOnlyList<UnitDefinition> units, int memberCount)
    {
        var stores = await SqliteStores.OpenAsync(database, CancellationToken.None);
        var ct = CancellationToken.None;
        var now = DateTimeOffset.UtcNow;
        string[] ranks = ["county", "section", "ordinary", "ordinary"];
        int entries = 0, exams = 0, pledges = 0, rounds = 0;
        var period = PledgeCheckIns.PeriodOf(new CampaignCalendar(Configuration.CampaignLoader.Load(Path.Combine("config", "campaign.yaml"))), now);
        for (var i = 0; i < memberCount; i++)
        {
            var unit = units[i % units.Count].Id;
            var member = new Member { Id = $"telegram:{i}", Channel = "telegram", UserId = i.ToString(CultureInfo.InvariantCulture), Name = $"成员{i}", Rank = ranks[i % 4], UnitId = unit, Role = Roles.Member, RegisteredAt = now };
            await stores.Members.UpsertAsync(member, ct);
            for (var e = 0; e < 2; e++)
            {
                await stores.ActivityLog.AddAsync(new ActivityEntry { Id = $"s{i}-{e}", Kind = Core.Features.Study.ActivityKind.Study, MemberId = member.Id, UnitId = unit, Date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-e), HalfDays = 2 + (i % 6), Form = "collective", Topic = "theory", Note = "集中学习", RecordedBy = member.Id, RecordedAt = now }, ct);
                entries++;
            }

            if (i % 4 < 2)
            {
                await stores.Examinations.SaveAsync(new SelfExamination { MemberId = member.Id, MemberName = member.Name, UnitId = unit, ChecklistCode = "leadership", Status = (ExaminationStatus)(i % 4), Submissions = 1, SubmittedAt = now, UpdatedAt = now, Answers = new Dictionary<string, ExaminationAnswer> { ["wind_formalism"] = new("partly", "会议多") } }, ct);
                exams++;
            }

            if (i % 3 == 0)
            {
                await stores.Pledges.SaveAsync(new Pledge { MemberId = member.Id, MemberName = member.Name, UnitId = unit, Area = "mass_discipline", Text = "每月走访群众不少于两次。", Status = PledgeStatus.Published, PublishedAt = now, UpdatedAt = now }, ct);
                await stores.Pledges.RecordCheckInAsync(new PledgeCheckIn(member.Id, unit, "mass_discipline", period, PledgeOutcomes.Kept, null, now), ct);
                pledges++;
            }
        }

        var rule = new PassRule(0.8m, 5);
        foreach (var (unit, n) in units.Select((u, n) => (u, n)))
        {
            for (var r = 0; r < 1 + (n % 3 == 0 ? 1 : 0); r++)
            {
                var id = (n * 4 + r).ToString("x8", CultureInfo.InvariantCulture);
                var opens = now.AddDays(-10 + r * 5);
                await stores.EvaluationRounds.CreateAsync(new EvaluationRound { Id = id, UnitId = unit.Id, Stage = "style_status", Audience = RoundAudience.Group, OpensAt = opens, ClosesAt = opens.AddDays(1), PassRule = rule, OpenedBy = "telegram:office" }, ct);
                var satisfied = r == 0 && n % 3 == 0 ? 5 : 18;
                await stores.EvaluationRounds.TryCloseAsync(id, new RoundResult(new Dictionary<string, long> { ["satisfied"] = satisfied, ["unsatisfied"] = 20 - satisfied }, 20, satisfied, satisfied >= 16, opens.AddDays(1)), ct);
                rounds++;
            }
        }

        return $"{memberCount:N0} members, {entries:N0} study entries, {exams:N0} examinations, {pledges:N0} pledges with check-ins, {rounds:N0} rounds";
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex Hidden();
}
