using CampaignBot.Core.Features.Evaluations;
using MiniExcelLibs;

namespace CampaignBot.Features.Evaluations;

/// <summary>
/// The /results chart (ScottPlot, PNG) and spreadsheet (MiniExcel, xlsx). Chinese labels need a CJK font
/// (fonts-noto-cjk in the Docker image); ScottPlot's detection falls back to a font that exists when there is none.
/// </summary>
public sealed class EvaluationReportRenderer : IEvaluationReportRenderer
{
    public byte[] RenderChart(IReadOnlyList<EvaluationReportRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plot = new ScottPlot.Plot();
        var font = ScottPlot.Fonts.Detect(title + string.Concat(rows.Select(r => r.UnitName + r.StageName)));
        plot.Font.Set(font);
        var bars = rows.Select((row, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = (double)(row.SatisfiedShare * 100m),
            FillColor = row.Standing == StageStanding.Passed ? ScottPlot.Colors.SeaGreen : ScottPlot.Colors.IndianRed,
        }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks([.. rows.Select((_, i) => (double)i)], [.. rows.Select(r => $"{r.UnitName}\n{r.StageName}")]);
        plot.Axes.SetLimitsY(0, 100);
        plot.Title(title);
        plot.YLabel("满意率 %");
        var width = Math.Clamp(160 * rows.Count, 640, 2400);
        return plot.GetImageBytes(width, 480, ScottPlot.ImageFormat.Png);
    }

    public byte[] RenderSpreadsheet(IReadOnlyList<EvaluationReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var sheet = rows.Select(r => new Dictionary<string, object>
        {
            ["单位ID"] = r.UnitId,
            ["单位"] = r.UnitName,
            ["阶段"] = r.StageName,
            ["轮次"] = r.Rounds,
            ["最新一轮"] = r.LatestRoundId,
            ["结论"] = r.StandingName,
            ["票数"] = r.Votes,
            ["满意率"] = r.SatisfiedShare,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        return stream.ToArray();
    }
}
