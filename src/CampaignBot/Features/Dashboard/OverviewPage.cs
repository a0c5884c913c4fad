using CampaignBot.Core.Features.Dashboard;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>The site root: the campaign's phase and days left, units needing attention first, the unit tree, a chart.</summary>
internal static class OverviewPage
{
    /// <summary>Without a session: only the sign-in hint, no campaign data at all.</summary>
    public static string SignInHint(PageContext page) =>
        DashboardLayout.Page(page, page[T.SignInTitle], html => html.Element("p", page[T.SignInHint], "message"));

    public static string Render(PageContext page, CampaignStatus status, IReadOnlyList<UnitStanding> units)
    {
        return DashboardLayout.Page(page, page[T.Overview], html =>
        {
            html.Raw("<section class=\"cards\">");
            Card(html, page[T.Phase], status.Phase?.Name ?? page[T.NotStartedYet]);
            Card(html, page[T.DaysLeft], status.DaysLeft.ToString(CultureInfo.InvariantCulture));
            Card(html, page[T.Ends], status.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Card(html, page[T.Units], units.Count.ToString(CultureInfo.InvariantCulture));
            Card(html, page[T.Failing], units.Count(u => u.Failing).ToString(CultureInfo.InvariantCulture), "bad");
            Card(html, page[T.Behind], units.Count(u => !u.Failing && u.Behind).ToString(CultureInfo.InvariantCulture), "warn");
            Card(html, page[T.Silent], units.Count(u => u.Priority == 2).ToString(CultureInfo.InvariantCulture), "quiet");
            html.Raw("</section>");

            html.Element("h2", page[T.Exceptions]);
            var exceptions = units.Where(u => u.Priority < 3).ToList();
            if (exceptions.Count == 0)
            {
                html.Element("p", page[T.NoExceptions]);
            }
            else
            {
                Table(html, page, exceptions, tree: false, id: "exceptions");
            }

            html.Raw("<section class=\"charts\">");
            html.Chart("chart-progress", ProgressChart(page, units.Take(30).ToList()), page[T.ChartProgress]);
            html.Chart("chart-stages", StagesChart(page, units), page[T.ChartStages]);
            html.Raw("</section>");

            html.Element("h2", page[T.AllUnits]);
            Filters(html, page, units);
            var ordered = TreeOrder(units);
            Table(html, page, ordered, tree: true, id: "units");
        });
    }

    private static void Card(Html html, string label, string value, string? tone = null) =>
        html.Raw("<div class=\"card ").Raw(tone ?? string.Empty).Raw("\"><div class=\"label\">").Text(label).Raw("</div><div class=\"value\">").Text(value).Raw("</div></div>");

    /// <summary>Filter controls outside any form: the page script filters rows by kind, county and name.</summary>
    private static void Filters(Html html, PageContext page, IReadOnlyList<UnitStanding> units)
    {
        html.Raw("<div class=\"filters\" data-for=\"units\"><label>").Text(page[T.FilterKind]).Raw(" <select data-filter=\"kind\"><option value=\"\">").Text(page[T.Any]).Raw("</option>");
        foreach (var kind in units.Select(u => (u.Unit.Kind, u.KindName)).Distinct())
        {
            html.Raw("<option value=\"").Attribute(kind.Kind).Raw("\">").Text(kind.KindName).Raw("</option>");
        }

        html.Raw("</select></label><label>").Text(page[T.FilterCounty]).Raw(" <select data-filter=\"county\"><option value=\"\">").Text(page[T.Any]).Raw("</option>");
        foreach (var county in units.Where(u => u.CountyId is not null).Select(u => u.CountyId!).Distinct())
        {
            html.Raw("<option value=\"").Attribute(county).Raw("\">").Text(page.Campaign.FindUnit(county)?.Name ?? county).Raw("</option>");
        }

        html.Raw("</select></label><label>").Text(page[T.FilterText]).Raw(" <input type=\"search\" data-filter=\"text\"></label></div>");
    }

    private static void Table(Html html, PageContext page, IReadOnlyList<UnitStanding> units, bool tree, string id)
    {
        html.Raw("<div class=\"scroll\"><table class=\"units sortable\" id=\"").Raw(id).Raw("\"><thead><tr>")
            .SortHeader(page[T.Unit]).SortHeader(page[T.Status]).SortHeader(page[T.Kind]).SortHeader(page[T.Members], true)
            .SortHeader(page[T.Study], true).SortHeader(page[T.Submitted], true).SortHeader(page[T.Accepted], true).SortHeader(page[T.Returned], true)
            .SortHeader(page[T.NotStarted], true).SortHeader(page[T.Pledges], true).SortHeader(page[T.CheckIns], true)
            .SortHeader(page[T.StagesPassed], true).SortHeader(page[T.StagesInProgress], true).SortHeader(page[T.StagesMakeUp], true)
            .Raw("</tr></thead><tbody>");
        var hasChildren = tree ? units.Where(u => u.Unit.ParentId is not null).Select(u => u.Unit.ParentId!).ToHashSet(StringComparer.Ordinal) : [];
        foreach (var u in units)
        {
            html.Raw("<tr data-unit=\"").Attribute(u.Unit.Id).Raw("\" data-kind=\"").Attribute(u.Unit.Kind).Raw("\" data-county=\"").Attribute(u.CountyId).Raw('"'.ToString());
            if (tree)
            {
                html.Raw(" data-parent=\"").Attribute(u.Unit.ParentId).Raw("\" data-depth=\"").Text(u.Depth).Raw('"'.ToString());
            }

            html.Raw(" class=\"").Raw(Tone(u)).Raw("\"><td class=\"name\">");
            if (tree && hasChildren.Contains(u.Unit.Id))
            {
                html.Raw("<button type=\"button\" class=\"toggle\" aria-expanded=\"true\">▾</button>");
            }

            html.Link($"/units/{Uri.EscapeDataString(u.Unit.Id)}", u.Unit.Name).Raw("</td>")
                .Cell(StatusName(page, u)).Cell(u.KindName).Cell(u.Members)
                .Raw("<td class=\"n\" data-value=\"").Text(((int)Html.Share(u.StudyDone, u.StudyRequired)).ToString(CultureInfo.InvariantCulture)).Raw("\">")
                .Text($"{u.StudyDone}/{u.StudyRequired}").Raw("</td>")
                .Cell(u.Examinations.Submitted).Cell(u.Examinations.Accepted).Cell(u.Examinations.Returned).Cell(u.Examinations.NotStarted + u.Examinations.Draft)
                .Cell(u.Pledges).Cell(u.CheckIns).Cell(u.StagesPassed).Cell(u.StagesInProgress).Cell(u.StagesMakeUp)
                .Raw("</tr>");
        }

        html.Raw("</tbody></table></div>");
    }

    public static string StatusName(PageContext page, UnitStanding unit) => unit.Priority switch
    {
        0 => page[T.Failing],
        1 => page[T.Behind],
        2 => page[T.Silent],
        _ => page[T.Ok],
    };

    public static string Tone(UnitStanding unit) => unit.Priority switch
    {
        0 => "bad",
        1 => "warn",
        2 => "quiet",
        _ => "ok",
    };

    /// <summary>Parents before their children, siblings in the campaign's order.</summary>
    private static List<UnitStanding> TreeOrder(IReadOnlyList<UnitStanding> units)
    {
        var byId = units.ToDictionary(u => u.Unit.Id, StringComparer.Ordinal);
        var children = units.Where(u => u.Unit.ParentId is { } p && byId.ContainsKey(p)).ToLookup(u => u.Unit.ParentId!, StringComparer.Ordinal);
        var order = new List<UnitStanding>(units.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var campaignOrder = units.OrderBy(u => u.Unit.Id, StringComparer.Ordinal).ToList();
        foreach (var root in campaignOrder.Where(u => u.Unit.ParentId is null || !byId.ContainsKey(u.Unit.ParentId)))
        {
            var stack = new Stack<UnitStanding>([root]);
            while (stack.TryPop(out var next))
            {
                if (!seen.Add(next.Unit.Id))
                {
                    continue;
                }

                order.Add(next);
                foreach (var child in children[next.Unit.Id].OrderByDescending(c => c.Unit.Id, StringComparer.Ordinal))
                {
                    stack.Push(child);
                }
            }
        }

        return order;
    }

    private static object ProgressChart(PageContext page, IReadOnlyList<UnitStanding> units) => new
    {
        tooltip = new { trigger = "axis" },
        legend = new { top = 0 },
        grid = new { left = 8, right = 16, bottom = 8, top = 32, containLabel = true },
        xAxis = new { type = "value", max = 100, axisLabel = new { formatter = "{value}%" } },
        yAxis = new { type = "category", inverse = true, data = units.Select(u => u.Unit.Name).ToArray(), axisLabel = Html.UnitLabel(0) },
        series = new object[]
        {
            new { name = page[T.Study], type = "bar", data = units.Select(u => Html.Share(u.StudyDone, u.StudyRequired)).ToArray() },
            new { name = page[T.Submitted] + "+" + page[T.Accepted], type = "bar", data = units.Select(u => Html.Share(u.Examinations.Submitted + u.Examinations.Accepted, u.Members)).ToArray() },
        },
    };

    private static object StagesChart(PageContext page, IReadOnlyList<UnitStanding> units) => new
    {
        tooltip = new { trigger = "item" },
        legend = new { bottom = 0 },
        series = new object[]
        {
            new
            {
                type = "pie",
                radius = new[] { "40%", "70%" },
                data = new object[]
                {
                    new { name = page[T.StagesPassed], value = units.Sum(u => u.StagesPassed) },
                    new { name = page[T.StagesInProgress], value = units.Sum(u => u.StagesInProgress) },
                    new { name = page[T.StagesMakeUp], value = units.Sum(u => u.StagesMakeUp) },
                },
            },
        },
    };
}
