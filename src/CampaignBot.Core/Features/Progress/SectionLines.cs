namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// A progress section's unit lines, short enough for a phone: at most <see cref="MaxUnitLines"/> lines under the
/// heading and a count of the rest. A section with no lines says nothing (null), not a bare heading.
/// </summary>
public static class SectionLines
{
    public const int MaxUnitLines = 10;

    public static string? Render(string heading, IReadOnlyList<string> lines, Language language)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Count == 0)
        {
            return null;
        }

        var text = new StringBuilder(heading);
        foreach (var line in lines.Take(MaxUnitLines))
        {
            text.Append('\n').Append(line);
        }

        if (lines.Count > MaxUnitLines)
        {
            text.Append('\n').Append(ProgressTexts.MoreUnits(lines.Count - MaxUnitLines).In(language));
        }

        return text.ToString();
    }
}
