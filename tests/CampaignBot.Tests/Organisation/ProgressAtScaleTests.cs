using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Organisation;

/// <summary>/progress for all units at city scale: a phone screen per page, units behind first.</summary>
public sealed class ProgressAtScaleTests : IDisposable
{
    private readonly OrganisationRig _rig = new();

    [Fact]
    public async Task The_office_sees_one_line_per_unit_a_page_at_a_time_turned_by_buttons_or_by_number()
    {
        var rows = Enumerable.Range(0, 30).Select(i => (IReadOnlyList<object?>)[$"v{i:D2}", $"生成村{i:D2}", "village", "town_chengguan", null]).ToArray();
        Assert.Equal(0, (await _rig.ImportUnitsAsync(_rig.File("units.csv", OrganisationRig.UnitHeaders, rows))).Code);
        Assert.Equal(0, (await _rig.ImportMembersAsync(_rig.File("members.csv", OrganisationRig.MemberHeaders,
            ["钱八", "city", "乡科级干部", "活动办", null, "qianba", null, null],
            ["王五", "v00", "普通党员", null, null, "wangwu", null, null]))).Code);
        await using var bot = await DirectBot.StartAsync(_rig.Bot);
        var office = new ChatRef("wecom", "qianba", ChatKind.Private);

        var first = await bot.SendAsync("qianba", new CommandInput("progress", string.Empty), office);
        var page = (TextMessage)first[0];
        var units = (await _rig.CampaignAsync()).Units.Count(u => u.Active);
        var pages = (units + ProgressCommand.UnitsPerPage - 1) / ProgressCommand.UnitsPerPage;

        Assert.Contains($"第 1/{pages} 页", page.Text, StringComparison.Ordinal);
        Assert.Equal(ProgressCommand.UnitsPerPage, page.Text.Split('\n').Count(l => l.StartsWith("⚠ ", StringComparison.Ordinal) || l.StartsWith("· ", StringComparison.Ordinal)));
        Assert.True(page.Text.Length < 1500, $"a phone screen, not {page.Text.Length} characters");
        Assert.Equal(["下一页"], page.Buttons!.SelectMany(r => r).Select(b => b.Label));

        var pressed = (TextMessage)(await bot.SendAsync("qianba", new ButtonPress(ProgressCommand.PagePayload(2)), office)).OfType<TextMessage>().First();
        Assert.Contains($"第 2/{pages} 页", pressed.Text, StringComparison.Ordinal);
        Assert.Equal(["上一页", "下一页"], pressed.Buttons!.SelectMany(r => r).Select(b => b.Label));

        var last = (TextMessage)(await bot.SendAsync("qianba", new CommandInput("progress", pages.ToString(System.Globalization.CultureInfo.InvariantCulture)), office))[0];
        Assert.Contains($"第 {pages}/{pages} 页", last.Text, StringComparison.Ordinal);
        Assert.Equal(["上一页"], last.Buttons!.SelectMany(r => r).Select(b => b.Label));
        Assert.DoesNotContain("公开承诺", last.Text, StringComparison.Ordinal);

        // Every unit is on exactly one page.
        var all = new List<string>();
        for (var p = 1; p <= pages; p++)
        {
            var text = ((TextMessage)(await bot.SendAsync("qianba", new CommandInput("progress", p.ToString(System.Globalization.CultureInfo.InvariantCulture)), office))[0]).Text;
            all.AddRange(text.Split('\n').Where(l => l.StartsWith("⚠ ", StringComparison.Ordinal) || l.StartsWith("· ", StringComparison.Ordinal)));
        }

        Assert.Equal(units, all.Distinct().Count());
        Assert.Single(all, l => l.Contains("生成村00：已交 0/1", StringComparison.Ordinal));
    }

    [Fact]
    public void Units_behind_come_first_nearest_deadline_first_then_the_least_done()
    {
        var campaign = CampaignFiles.LoadShipped();
        Member In(string unit, int i) => new() { Id = $"t:{unit}{i}", Channel = "t", UserId = $"{unit}{i}", Name = $"{unit}{i}", Rank = "ordinary", UnitId = unit, Role = "member", RegisteredAt = default };
        var byUnit = new Dictionary<string, List<Member>>(StringComparer.Ordinal)
        {
            ["county_east"] = [In("county_east", 1), In("county_east", 2)],
            ["district_west"] = [In("district_west", 1)],
            ["town_chengguan"] = [In("town_chengguan", 1), In("town_chengguan", 2)],
        };
        var exams = new Dictionary<string, SelfExamination>(StringComparer.Ordinal)
        {
            ["t:county_east1"] = new() { MemberId = "t:county_east1", MemberName = "a", UnitId = "county_east", ChecklistCode = "x", Status = ExaminationStatus.Accepted, UpdatedAt = default },
            ["t:county_east2"] = new() { MemberId = "t:county_east2", MemberName = "b", UnitId = "county_east", ChecklistCode = "x", Status = ExaminationStatus.Accepted, UpdatedAt = default },
            ["t:town_chengguan1"] = new() { MemberId = "t:town_chengguan1", MemberName = "c", UnitId = "town_chengguan", ChecklistCode = "x", Status = ExaminationStatus.Returned, UpdatedAt = default },
        };
        var today = new DateOnly(2027, 5, 1);
        var deadlines = new Dictionary<string, DateOnly>
        {
            ["district_west"] = today.AddDays(5),
            ["town_chengguan"] = today.AddDays(-3),
            ["county_east"] = today.AddDays(-10),
        };

        var lines = ProgressCommand.UnitLines(campaign, byUnit, exams, today, unit => deadlines.TryGetValue(unit, out var d) ? d : today.AddDays(60));

        // Behind: incomplete with the deadline at most 7 days away or past; the one past longest first.
        Assert.Equal(["town_chengguan", "district_west"], lines.TakeWhile(l => l.Behind).Select(l => l.Id));
        Assert.Equal((1, 2, 0), (lines[0].Returned, lines[0].Members, lines[0].Done));
        Assert.False(lines.Single(l => l.Id == "county_east").Behind);
        Assert.Equal(campaign.Units.Count(u => u.Active), lines.Count);
    }

    public void Dispose() => _rig.Dispose();
}
