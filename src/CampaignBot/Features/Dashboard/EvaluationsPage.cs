using CampaignBot.Core.Features.Evaluations;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>Every round of the units in scope, with charts, and the make-up history (补课) of units that failed.</summary>
internal static class EvaluationsPage
{
    /// <summary>The satisfaction chart shows this many units at once (a slider moves along the rest): each keeps its name on a phone.</summary>
    private const int UnitsInView = 10;

    public static string Render(PageContext page, IReadOnlyList<EvaluationRound> rounds, TimeZoneInfo zone)
    {
        var text = new EvaluationText(page.Campaign);
        return DashboardLayout.Page(page, page[T.Evaluations], html =>
        {
            html.Raw("<section class=\"charts\">");
            html.Chart("chart-satisfaction", SatisfactionChart(page, rounds, text), page[T.ChartSatisfaction]);
            html.Chart("chart-turnout", TurnoutChart(page, rounds, zone), page[T.ChartTurnout]);
            html.Raw("</section>");

            html.Element("h2", page[T.MakeUpHistory]);
            var failed = rounds.GroupBy(r => (r.UnitId, r.Stage)).Where(g => g.Any(r => r.Result is { Passed: false })).OrderBy(g => g.Key.UnitId, StringComparer.Ordinal).ToList();
            if (failed.Count == 0)
            {
                html.Element("p", page[T.NoMakeUp]);
            }
            else
            {
                html.Raw("<ul class=\"makeup\">");
                foreach (var g in failed)
                {
                    var standing = EvaluationReport.StandingOf(g);
                    html.Raw("<li class=\"").Raw(standing == StageStanding.Passed ? "ok" : "bad").Raw("\">")
                        .Link($"/units/{Uri.EscapeDataString(g.Key.UnitId)}", text.UnitName(g.Key.UnitId)).Raw(" · ").Text(text.StageName(g.Key.Stage)).Raw("：");
                    html.Text(string.Join(" → ", g.OrderBy(r => r.OpensAt).Select(r => $"{TimeZoneInfo.ConvertTime(r.OpensAt, zone):MM-dd} {Outcome(page, r)}")));
                    html.Raw("</li>");
                }

                html.Raw("</ul>");
            }

            UnitPage.Rounds(html, page, rounds, null, zone);
        });
    }

    private static string Outcome(PageContext page, EvaluationRound round) => round.Result switch
    {
        null => page[T.Open],
        { Passed: true } r => $"{page[T.Passed]} {r.SatisfiedShare.ToString("P0", CultureInfo.InvariantCulture)}",
        var r => $"{page[T.FailedRound]} {r.SatisfiedShare.ToString("P0", CultureInfo.InvariantCulture)}",
    };

    /// <summary>Bars per unit, one series per stage: the satisfied share of the latest closed round.</summary>
    private static object SatisfactionChart(PageContext page, IReadOnlyList<EvaluationRound> rounds, EvaluationText text)
    {
        var closed = rounds.Where(r => r.Result is not null).ToList();
        var units = closed.Select(r => r.UnitId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var latest = closed.GroupBy(r => (r.UnitId, r.Stage)).ToDictionary(g => g.Key, g => g.MaxBy(r => r.OpensAt)!.Result!);
        var stages = page.Campaign.Evaluation.Stages;
        return new
        {
            tooltip = new { trigger = "axis" },

            // One line that pages on a phone: four stages wrapped onto a second line would cover the tops of the bars.
            legend = new { top = 0, type = "scroll" },
            grid = new { left = 8, right = 16, bottom = 8, top = 32, containLabel = true },
            dataZoom = units.Count > UnitsInView ? new object[] { new { type = "slider", start = 0, end = Math.Min(100, 100 * UnitsInView / units.Count) } } : [],
            xAxis = new { type = "category", data = units.Select(text.UnitName).ToArray(), axisLabel = Html.UnitLabel(units.Count > 3 ? 40 : 0) },
            yAxis = new { type = "value", max = 100, axisLabel = new { formatter = "{value}%" } },
            series = stages.Select(stage => (object)new
            {
                name = stage.Name,
                type = "bar",
                data = units.Select(u => latest.TryGetValue((u, stage.Code), out var result) ? (double?)Math.Round((double)result.SatisfiedShare * 100, 1) : null).ToArray(),
            }).ToArray(),
        };
    }

    /// <summary>Votes of closed rounds summed by closing day, with the running total.</summary>
    private static object TurnoutChart(PageContext page, IReadOnlyList<EvaluationRound> rounds, TimeZoneInfo zone)
    {
        var days = rounds.Where(r => r.Result is not null)
            .GroupBy(r => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.Result!.ClosedAt, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => (Day: g.Key.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Votes: g.Sum(r => r.Result!.Votes)))
            .ToList();
        long running = 0;
        return new
        {
            tooltip = new { trigger = "axis" },
            legend = new { top = 0 },
            grid = new { left = 8, right = 16, bottom = 8, top = 32, containLabel = true },
            xAxis = new { type = "category", data = days.Select(d => d.Day).ToArray() },
            yAxis = new { type = "value" },
            series = new object[]
            {
                new { name = page[T.Votes], type = "bar", data = days.Select(d => d.Votes).ToArray() },
                new { name = "Σ", type = "line", data = days.Select(d => running += d.Votes).ToArray() },
            },
        };
    }
}
