namespace CampaignBot.Configuration;

/// <summary>
/// Resolves start dates: an explicit start wins; otherwise a unit starts its kind's offset after the nearest
/// superior of an earlier-starting kind (a township 15 days after its county), or after the campaign start.
/// </summary>
internal sealed class CampaignUnitStarts(
    CampaignHeader header,
    Dictionary<string, CampaignRawUnit> byId,
    Dictionary<string, UnitKindDefinition> kinds,
    HashSet<string> broken)
{
    private readonly Dictionary<string, DateOnly?> memo = new(StringComparer.Ordinal);

    public DateOnly? StartOf(CampaignRawUnit unit)
    {
        if (memo.TryGetValue(unit.Id, out var known))
        {
            return known;
        }

        var start = Resolve(unit);
        memo[unit.Id] = start;
        return start;
    }

    private DateOnly? Resolve(CampaignRawUnit unit)
    {
        if (unit.Start is { } explicitStart)
        {
            return explicitStart;
        }

        if (broken.Contains(unit.Id) || !kinds.TryGetValue(unit.Kind, out var kind))
        {
            return null;
        }

        for (var superior = Parent(unit); superior is not null; superior = Parent(superior))
        {
            if (!kinds.TryGetValue(superior.Kind, out var superiorKind))
            {
                return null;
            }

            if (superiorKind.StartOffsetDays < kind.StartOffsetDays)
            {
                return StartOf(superior) is { } superiorStart ? After(superiorStart, kind.StartOffsetDays - superiorKind.StartOffsetDays) : null;
            }
        }

        return After(header.Start, kind.StartOffsetDays);
    }

    /// <summary>The day <paramref name="days"/> after <paramref name="start"/>, or the last day there is: a huge offset is then refused as outside the campaign, not thrown.</summary>
    private static DateOnly After(DateOnly start, int days) =>
        start.DayNumber + (long)days > DateOnly.MaxValue.DayNumber ? DateOnly.MaxValue : start.AddDays(days);

    private CampaignRawUnit? Parent(CampaignRawUnit unit) =>
        unit.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null;
}
