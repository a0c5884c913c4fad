using CampaignBot.Core.Features.Bulletins;

namespace CampaignBot.Features.Bulletins;

/// <summary>The bulletin's chart: one bar per unit, its score, in ranking order; the bottom units in red.</summary>
public sealed class BulletinChart : IBulletinChart
{
    public byte[] Render(Bulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var plot = new ScottPlot.Plot();
        var title = $"{bulletin.Month} 月通报 综合得分";
        plot.Font.Set(Evaluations.ChartFont.Name);
        plot.Add.Bars(bulletin.Rows.Select((row, i) => new ScottPlot.Bar
        {
            Position = i,
            Value = (double)(row.Score * 100m),
            FillColor = bulletin.Bottom.Contains(row.UnitName) ? ScottPlot.Colors.IndianRed : ScottPlot.Colors.SteelBlue,
        }).ToList());
        plot.Axes.Bottom.SetTicks([.. bulletin.Rows.Select((_, i) => (double)i)], [.. bulletin.Rows.Select(r => r.UnitName)]);
        plot.Axes.SetLimitsY(0, 100);
        plot.Title(title);
        plot.YLabel("%");
        return plot.GetImageBytes(Math.Clamp(90 * bulletin.Rows.Count, 640, 2400), 480, ScottPlot.ImageFormat.Png);
    }
}
