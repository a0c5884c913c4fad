using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using CampaignBot.ConsoleChannel;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Study;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Tests.Dashboard;

/// <summary>A secretary reads the same numbers for their unit in chat (/progress) and on the dashboard.</summary>
public sealed partial class DashboardMatchesProgressTests : IDisposable
{
    private const string Unit = "town_chengguan";

    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_deactivated_member_leaves_the_dashboards_counts_as_they_leave_progress()
    {
        var stores = await _bot.StoresAsync();
        var now = DateTimeOffset.UtcNow;
        await stores.Members.UpsertAsync(Person("1", "赵书记", Roles.Secretary), CancellationToken.None);
        await stores.Members.UpsertAsync(Person("2", "钱党员", Roles.Member), CancellationToken.None);
        await stores.Members.UpsertAsync(Person("3", "孙党员", Roles.Member), CancellationToken.None);
        await stores.Members.UpsertAsync(Person("4", "李已停用", Roles.Member) with { DeactivatedAt = now.AddDays(-1) }, CancellationToken.None);
        foreach (var user in new[] { "2", "4" })
        {
            await stores.Examinations.SaveAsync(
                new SelfExamination { MemberId = $"console:{user}", MemberName = user, UnitId = Unit, ChecklistCode = "branch", Status = ExaminationStatus.Submitted, Submissions = 1, SubmittedAt = now, UpdatedAt = now },
                CancellationToken.None);
        }

        await stores.ActivityLog.AddAsync(
            new ActivityEntry { Id = "study-4", Kind = ActivityKind.Study, MemberId = "console:4", UnitId = Unit, Date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-5), HalfDays = 2, Form = "collective", Topic = "theory", Note = "停用前的学习", RecordedBy = "console:4", RecordedAt = now.AddDays(-5) },
            CancellationToken.None);

        var progress = await _bot.ChatAsync("1", "/progress");
        var (unitPage, overview) = await DashboardPagesAsync("1");

        var members = int.Parse(ProgressMembers().Match(progress).Groups[1].Value, CultureInfo.InvariantCulture);
        var submitted = int.Parse(ProgressSubmitted().Match(progress).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.Equal(3, members);
        Assert.Equal(1, submitted);
        Assert.Equal(members.ToString(CultureInfo.InvariantCulture), Card(unitPage, "人数"));
        var row = Cells(overview);
        Assert.Equal(members.ToString(CultureInfo.InvariantCulture), row[3]);
        Assert.Equal(submitted.ToString(CultureInfo.InvariantCulture), row[5]);
        Assert.Equal("2", row[8]);
        var memberTable = unitPage[unitPage.IndexOf("<h2>人数 (", StringComparison.Ordinal)..];
        Assert.StartsWith($"<h2>人数 ({members})</h2>", memberTable, StringComparison.Ordinal);
        Assert.DoesNotContain("李已停用", memberTable[..memberTable.IndexOf("<h2>", 4, StringComparison.Ordinal)], StringComparison.Ordinal);

        // Their records stay: the log still names them.
        Assert.Matches("<td>李已停用</td><td>[^<]+</td><td[^>]*>1</td><td>[^<]*停用前的学习</td>", unitPage);
    }

    public void Dispose() => _bot.Dispose();

    /// <summary>Runs the host in console mode with the dashboard, signs in with the link it prints for the console user, reads the unit page and the overview.</summary>
    private async Task<(string UnitPage, string Overview)> DashboardPagesAsync(string user)
    {
        var settings = _bot.Settings;
        settings["Console:User"] = user;
        await using var dashboard = await ConsoleDashboard.StartAsync(settings);
        var link = dashboard.SignInLink;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = new Uri(link.GetLeftPart(UriPartial.Authority)) };
        var confirm = await http.GetStringAsync(link);
        var fields = HiddenField().Matches(confirm).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));
        Assert.Equal(HttpStatusCode.Redirect, (await http.PostAsync("/signin", new FormUrlEncodedContent(fields))).StatusCode);
        return (await http.GetStringAsync($"/units/{Unit}"), await http.GetStringAsync("/"));
    }

    private static string Card(string page, string label) =>
        Regex.Match(page, $"<div class=\"label\">{label}</div><div class=\"value\">([^<]*)</div>").Groups[1].Value;

    /// <summary>The unit's row in the overview's table of all units, cell by cell (name, status, kind, members, study, submitted, accepted, returned, not started, …).</summary>
    private static List<string> Cells(string overview)
    {
        var all = overview[overview.IndexOf("id=\"units\"", StringComparison.Ordinal)..];
        var row = all[all.IndexOf($"<tr data-unit=\"{Unit}\"", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        return [.. CellText().Matches(row).Select(m => Regex.Replace(m.Groups[1].Value, "<[^>]+>", string.Empty))];
    }

    private static Member Person(string user, string name, string role) =>
        TestMembers.OnConsole(user, name, Unit, role, "ordinary", DateTimeOffset.UtcNow.AddDays(-10));

    [GeneratedRegex(@"对照检查进度（(\d+) 人）")]
    private static partial Regex ProgressMembers();

    [GeneratedRegex(@"已提交待审核 (\d+) 人")]
    private static partial Regex ProgressSubmitted();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    [GeneratedRegex("<td[^>]*>(.*?)</td>")]
    private static partial Regex CellText();
}
