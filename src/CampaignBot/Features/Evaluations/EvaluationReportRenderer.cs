using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Exports;

namespace CampaignBot.Features.Evaluations;

/// <summary>
/// The /results chart (ScottPlot, PNG, labels in the shipped <see cref="ChartFont"/>) and spreadsheet (the one
/// <see cref="TableWriter"/>, the same table as export evaluations).
/// </summary>
public sealed class EvaluationReportRenderer(ITableWriter tables) : IEvaluationReportRenderer
{
    public byte[] RenderChart(IReadOnlyList<EvaluationReportRow> rows, string title)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var plot = new ScottPlot.Plot();
        plot.Font.Set(ChartFont.Name);
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

    public byte[] RenderSpreadsheet(IReadOnlyList<EvaluationReportRow> rows) => tables.Write(EvaluationReport.ToTable(rows), TableFormat.Xlsx);
}
