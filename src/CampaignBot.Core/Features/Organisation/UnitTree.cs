namespace CampaignBot.Core.Features.Organisation;

/// <summary>
/// The campaign's unit tree: the campaign file's units with the stored units merged in. Where both define a unit the
/// store wins (name, kind, parent, start, active), because the store is what the office's imports and the WeCom sync
/// keep current; what only the file says (ordinary_study_days, name_en while the name is the file's) is kept.
/// </summary>
public static class UnitTree
{
    public static IReadOnlyList<UnitDefinition> Merge(CampaignDefinition campaign, IReadOnlyList<StoredUnit> stored)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(stored);
        var fileUnits = campaign.FileUnits.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var storedById = new Dictionary<string, StoredUnit>(StringComparer.Ordinal);
        foreach (var unit in stored)
        {
            storedById[unit.Id] = unit;
        }

        var starts = new StartResolver(campaign, fileUnits, storedById);
        var merged = new List<UnitDefinition>(fileUnits.Count + storedById.Count);
        foreach (var unit in campaign.FileUnits)
        {
            // The file's English name is kept while the stored name is still the file's: a renamed unit reads its new name.
            merged.Add(storedById.TryGetValue(unit.Id, out var over)
                ? Definition(over, starts, unit.OrdinaryStudyDays) with { EnglishName = over.Name == unit.Name ? unit.EnglishName : null }
                : unit);
        }

        foreach (var unit in stored.Where(u => !fileUnits.ContainsKey(u.Id)).OrderBy(u => u.Id, StringComparer.Ordinal))
        {
            merged.Add(Definition(unit, starts, null));
        }

        return merged;
    }

    /// <summary>Reads the stored units and replaces the campaign's tree with the merge; what start-up and every import call.</summary>
    public static async Task RefreshAsync(CampaignDefinition campaign, IUnitStore units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(units);
        campaign.ReplaceUnits(Merge(campaign, await units.ListAsync(cancellationToken)));
    }

    private static UnitDefinition Definition(StoredUnit unit, StartResolver starts, int? ordinaryStudyDays) =>
        new(unit.Id, unit.Name, unit.Kind, unit.ParentId, starts.StartOf(unit.Id), ordinaryStudyDays, unit.Active);

    /// <summary>
    /// An explicit date wins, then an offset from the campaign's start; otherwise the kind's offset after the nearest
    /// superior of an earlier-starting kind (as for the file's units), else after the campaign's start.
    /// </summary>
    private sealed class StartResolver(CampaignDefinition campaign, Dictionary<string, UnitDefinition> fileUnits, Dictionary<string, StoredUnit> stored)
    {
        private readonly Dictionary<string, DateOnly> _memo = new(StringComparer.Ordinal);

        public DateOnly StartOf(string id) => StartOf(id, new HashSet<string>(StringComparer.Ordinal));

        private DateOnly StartOf(string id, HashSet<string> visiting)
        {
            if (_memo.TryGetValue(id, out var known))
            {
                return known;
            }

            var start = Resolve(id, visiting);
            _memo[id] = start;
            return start;
        }

        private DateOnly Resolve(string id, HashSet<string> visiting)
        {
            if (!stored.TryGetValue(id, out var unit))
            {
                return fileUnits.TryGetValue(id, out var file) ? file.Start : campaign.Start;
            }

            if (unit.Start is { } date)
            {
                return date;
            }

            if (unit.StartOffsetDays is { } offset)
            {
                return campaign.Start.AddDays(offset);
            }

            var kind = campaign.FindUnitKind(unit.Kind);
            var own = kind?.StartOffsetDays ?? 0;
            visiting.Add(id);
            for (var parent = unit.ParentId; parent is not null && visiting.Add(parent); parent = ParentOf(parent))
            {
                var superiorKind = campaign.FindUnitKind(KindOf(parent) ?? string.Empty);
                if (superiorKind is not null && superiorKind.StartOffsetDays < own)
                {
                    return StartOf(parent, visiting).AddDays(own - superiorKind.StartOffsetDays);
                }
            }

            return campaign.Start.AddDays(own);
        }

        private string? ParentOf(string id) => stored.TryGetValue(id, out var s) ? s.ParentId : fileUnits.GetValueOrDefault(id)?.ParentId;

        private string? KindOf(string id) => stored.TryGetValue(id, out var s) ? s.Kind : fileUnits.GetValueOrDefault(id)?.Kind;
    }
}
