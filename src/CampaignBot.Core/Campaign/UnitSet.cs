namespace CampaignBot.Core.Campaign;

/// <summary>An immutable snapshot of the unit tree with an index by id, so a lookup among hundreds of units is one probe.</summary>
internal sealed class UnitSet
{
    public static readonly UnitSet Empty = new([]);

    private readonly Dictionary<string, UnitDefinition> _byId;

    public UnitSet(IReadOnlyList<UnitDefinition> units)
        : this(units, units)
    {
    }

    private UnitSet(IReadOnlyList<UnitDefinition> units, IReadOnlyList<UnitDefinition> fileUnits)
    {
        ArgumentNullException.ThrowIfNull(units);
        Units = units;
        FileUnits = fileUnits;
        _byId = new Dictionary<string, UnitDefinition>(units.Count, StringComparer.Ordinal);
        foreach (var unit in units)
        {
            _byId.TryAdd(unit.Id, unit);
        }
    }

    public IReadOnlyList<UnitDefinition> Units { get; }

    /// <summary>The campaign file's own units, kept so a later merge starts from them again.</summary>
    public IReadOnlyList<UnitDefinition> FileUnits { get; }

    public UnitDefinition? Find(string id) => _byId.GetValueOrDefault(id);

    public UnitSet Replace(IReadOnlyList<UnitDefinition> units) => new(units, FileUnits);
}
