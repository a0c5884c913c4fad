namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// A progress section's unit lines, short enough for a phone: at most <see cref="MaxUnitLines"/> lines under the
/// heading and a count of the rest. A section with no lines says nothing (null), not a bare heading.
/// </summary>
public static class SectionLines
{
    public const int MaxUnitLines = 10;

    /// <summary>
    /// A line per unit: for all units (<paramref name="unitId"/> null) each unit that has records, in the campaign's
    /// order; for one unit its line even when it has none. <paramref name="line"/> gets the unit's name and records.
    /// </summary>
    public static string? PerUnit<T>(
        string heading,
        Language language,
        CampaignDefinition campaign,
        string? unitId,
        IReadOnlyList<T> records,
        Func<T, string> unitOf,
        Func<string, IReadOnlyList<T>, string> line)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(unitOf);
        ArgumentNullException.ThrowIfNull(line);
        var lines = new List<string>();
        foreach (var unit in unitId is null ? campaign.Units.Select(u => u.Id).ToList() : [unitId])
        {
            var mine = records.Where(r => unitOf(r) == unit).ToList();
            if (mine.Count > 0 || unitId is not null)
            {
                lines.Add(line(campaign.FindUnit(unit)?.NameIn(language) ?? unit, mine));
            }
        }

        return Render(heading, lines, language);
    }

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
