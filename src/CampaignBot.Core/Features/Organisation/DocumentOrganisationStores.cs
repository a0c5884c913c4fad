namespace CampaignBot.Core.Features.Organisation;

/// <summary>The unit store over a document table; every store implementation shares it.</summary>
public sealed class DocumentUnitStore(IDocumentTable table) : IUnitStore
{
    public const string Table = "org_units";

    // The table is listed by member and by unit; a stored unit belongs to no member.
    private const string NoMember = "-";

    private readonly DocumentTable<StoredUnit> _units = new(table, u => new(u.Id, NoMember, u.Id));

    public Task<IReadOnlyList<StoredUnit>> ListAsync(CancellationToken cancellationToken) => _units.ListAsync(null, cancellationToken);

    public Task SaveAsync(IReadOnlyList<StoredUnit> units, CancellationToken cancellationToken) => _units.SaveManyAsync(units, cancellationToken);
}

/// <summary>The roster store over a document table (keyed by the entry's key, listed by home unit).</summary>
public sealed class DocumentRosterStore(IDocumentTable roster) : IRosterStore
{
    public const string Table = "org_roster";

    private readonly DocumentTable<RosterEntry> _roster = new(roster, e => new(e.Key, e.Key, e.UnitId));

    public Task<IReadOnlyList<RosterEntry>> ListAsync(string? unitId, CancellationToken cancellationToken) => _roster.ListAsync(unitId, cancellationToken);

    public Task<RosterEntry?> GetAsync(string key, CancellationToken cancellationToken) => _roster.GetAsync(key, cancellationToken);

    public Task SaveAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken) => _roster.SaveManyAsync(entries, cancellationToken);
}
