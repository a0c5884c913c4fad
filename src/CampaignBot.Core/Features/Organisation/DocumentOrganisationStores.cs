using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Organisation;

/// <summary>The unit store over a document table; every store implementation shares it.</summary>
public sealed class DocumentUnitStore(IDocumentTable table) : IUnitStore
{
    public const string Table = "org_units";

    // The table is listed by member and by unit; a stored unit belongs to no member.
    private const string NoMember = "-";

    public async Task<IReadOnlyList<StoredUnit>> ListAsync(CancellationToken cancellationToken) =>
        [.. (await table.ListAsync(null, cancellationToken)).Select(MessageJson.Deserialize<StoredUnit>)];

    public async Task SaveAsync(IReadOnlyList<StoredUnit> units, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(units);
        await table.UpsertManyAsync([.. units.Select(u => new StoredDocument(u.Id, NoMember, u.Id, MessageJson.Serialize(u)))], cancellationToken);
    }
}

/// <summary>The roster store over a document table (keyed by the entry's key, listed by home unit).</summary>
public sealed class DocumentRosterStore(IDocumentTable roster) : IRosterStore
{
    public const string Table = "org_roster";

    public async Task<IReadOnlyList<RosterEntry>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await roster.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<RosterEntry>)];

    public async Task<RosterEntry?> GetAsync(string key, CancellationToken cancellationToken) =>
        await roster.GetAsync(key, cancellationToken) is { } body ? MessageJson.Deserialize<RosterEntry>(body) : null;

    public async Task SaveAsync(IReadOnlyList<RosterEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await roster.UpsertManyAsync([.. entries.Select(e => new StoredDocument(e.Key, e.Key, e.UnitId, MessageJson.Serialize(e)))], cancellationToken);
    }
}
