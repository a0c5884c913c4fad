using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Exports;
using CampaignBot.Features.Evaluations;
using SkiaSharp;

namespace CampaignBot.Tests.Evaluations;

/// <summary>
/// SkiaSharp's Linux assets without dependencies see no system fonts, so Chinese labels are drawn only with the
/// font the program ships. These tests hold whatever fonts the machine has installed.
/// </summary>
public sealed class ChartFontTests
{
    private const string Label = "满意率";

    [Fact]
    public void The_shipped_font_has_a_glyph_for_every_character_of_the_chart_labels()
    {
        using var font = new SKFont(ChartFont.Typeface());

        var glyphs = font.GetGlyphs(Label + "群众评议满意率东县作风现状评价城关镇东关村");

        Assert.All(glyphs, glyph => Assert.NotEqual(0, glyph));
        Assert.Equal(3, font.GetGlyphs(Label).Length);
    }

    [Fact]
    public void The_chart_font_resolves_to_the_shipped_file_not_a_fallback()
    {
        // ScottPlot caches the typeface and hands out the same instance: not to be disposed here.
        var typeface = ChartFont.Typeface();

        Assert.Equal("Noto Sans CJK SC", typeface.FamilyName);
        Assert.True(File.Exists(ChartFont.FilePath));
        Assert.InRange(new FileInfo(ChartFont.FilePath).Length, 500_000, 5_000_000);
    }

    [Fact]
    public void Chinese_drawn_with_the_shipped_font_differs_from_the_default_typeface_and_has_ink()
    {
        var shipped = Draw(ChartFont.Typeface());
        var fallback = Draw(SKTypeface.Default);

        Assert.NotEqual(fallback, shipped);
        Assert.InRange(shipped.Count(dark => dark), 100, 4_000);
    }

    [Fact]
    public void A_chart_with_chinese_labels_differs_from_the_same_chart_with_latin_labels_where_boxes_would_be_alike()
    {
        var renderer = new EvaluationReportRenderer(TableWriter.Instance);
        EvaluationReportRow Row(string unit, string stage) => new("u", unit, "s", stage, 1, "r", StageStanding.Passed, 10, 0.9m);

        // With no CJK font each Chinese character is the same box, so two different Chinese labels would draw alike.
        var east = renderer.RenderChart([Row("东县", "作风现状评价")], "群众评议满意率");
        var west = renderer.RenderChart([Row("西区", "整改落实评价")], "群众评议满意率");

        Assert.NotEqual(east, west);
    }

    /// <summary>The label drawn black on white; true where a pixel is dark.</summary>
    private static bool[] Draw(SKTypeface typeface)
    {
        using var bitmap = new SKBitmap(120, 40);
        using (var canvas = new SKCanvas(bitmap))
        using (var font = new SKFont(typeface, 24))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = false })
        {
            canvas.Clear(SKColors.White);
            canvas.DrawText(Label, 4, 30, font, paint);
        }

        return [.. bitmap.Pixels.Select(p => p.Red < 128)];
    }
}
