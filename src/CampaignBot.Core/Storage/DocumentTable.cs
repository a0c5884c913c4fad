namespace CampaignBot.Core.Storage;

/// <summary>Where one record is filed in an <see cref="IDocumentTable"/>: its id, and the member and unit it is listed by.</summary>
public readonly record struct DocumentPlace(string Id, string MemberId, string UnitId);

/// <summary>
/// An <see cref="IDocumentTable"/> that holds one kind of record: says once where a record is filed and what it must
/// hold before it is written (<paramref name="check"/> throws an <see cref="ArgumentException"/> for a record that may
/// not be stored), and reads and writes whole records as JSON, so a document store is a list of its queries rather than
/// of serialising calls and argument checks.
/// </summary>
public sealed class DocumentTable<T>(IDocumentTable table, Func<T, DocumentPlace> place, Action<T>? check = null)
    where T : class
{
    /// <summary>Inserts or replaces the record.</summary>
    public Task SaveAsync(T record, CancellationToken cancellationToken)
    {
        var (id, memberId, unitId) = Checked(record);
        return table.UpsertAsync(id, memberId, unitId, MessageJson.Serialize(record), cancellationToken);
    }

    /// <summary>Inserts or replaces every record in one round trip.</summary>
    public Task SaveManyAsync(IEnumerable<T> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        return table.UpsertManyAsync([.. records.Select(Document)], cancellationToken);
    }

    /// <summary>Inserts the record; false when one with its id is already there (nothing is replaced).</summary>
    public Task<bool> TryAddAsync(T record, CancellationToken cancellationToken)
    {
        var (id, memberId, unitId) = Checked(record);
        return table.TryInsertAsync(id, memberId, unitId, MessageJson.Serialize(record), cancellationToken);
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken) =>
        await table.GetAsync(id, cancellationToken) is { } body ? MessageJson.Deserialize<T>(body) : null;

    /// <summary>The unit's records, or every record when <paramref name="unitId"/> is null, by id.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await table.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<T>)];

    /// <summary>The records filed under the member, by id.</summary>
    public async Task<IReadOnlyList<T>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await table.ListByMemberAsync(memberId, cancellationToken)).Select(MessageJson.Deserialize<T>)];

    private StoredDocument Document(T record)
    {
        var (id, memberId, unitId) = Checked(record);
        return new StoredDocument(id, memberId, unitId, MessageJson.Serialize(record));
    }

    /// <summary>Where the record is filed, once it is there and passes the table's check.</summary>
    private DocumentPlace Checked(T record)
    {
        ArgumentNullException.ThrowIfNull(record);
        check?.Invoke(record);
        return place(record);
    }
}
