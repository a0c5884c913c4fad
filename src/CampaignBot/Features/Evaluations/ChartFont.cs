using SkiaSharp;

namespace CampaignBot.Features.Evaluations;

/// <summary>
/// The Chinese font the charts are drawn with, shipped with the program (Fonts/NotoSansSC-Subset.otf, made by
/// scripts/make-cjk-font.sh) and loaded from its file: SkiaSharp's Linux assets without dependencies see no system
/// fonts, so without it every Chinese label would be a row of boxes.
/// </summary>
public static class ChartFont
{
    public const string Family = "CampaignBot Noto Sans SC";

    private static readonly Lazy<string> Registered = new(() =>
    {
        if (!File.Exists(FilePath))
        {
            throw new FileNotFoundException($"图表字体缺失：{FilePath}（应随程序发布，见 scripts/make-cjk-font.sh）", FilePath);
        }

        ScottPlot.Fonts.AddFontFile(Family, FilePath);
        return Family;
    });

    public static string FilePath { get; } = Path.Combine(AppContext.BaseDirectory, "Fonts", "NotoSansSC-Subset.otf");

    /// <summary>The family name to give ScottPlot; registers the font file the first time.</summary>
    public static string Name => Registered.Value;

    /// <summary>The typeface as ScottPlot resolves it, for drawing and for checking glyph coverage; ScottPlot keeps it, so don't dispose it.</summary>
    public static SKTypeface Typeface() => ScottPlot.Fonts.GetTypeface(Name, bold: false, italic: false);
}
