namespace CampaignBot.Core.Storage;

/// <summary>
/// A table of JSON documents that belong to a member of a unit: keyed by id, listed by member or by unit.
/// Stores whose records are read and written whole (examinations, pledges) are written once against it.
/// </summary>
public interface IDocumentTable
{
    /// <summary>Inserts or replaces the document with this id.</summary>
    Task UpsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces many documents by id in one round trip or transaction (imports of thousands of rows).</summary>
    Task UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken);

    /// <summary>Inserts the document; false when its id is already there (nothing is replaced).</summary>
    Task<bool> TryInsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken);

    Task<string?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The member's documents, by id.</summary>
    Task<IReadOnlyList<string>> ListByMemberAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>The unit's documents, or every document when <paramref name="unitId"/> is null, by id.</summary>
    Task<IReadOnlyList<string>> ListAsync(string? unitId, CancellationToken cancellationToken);
}

/// <summary>One document with the member and unit it belongs to, for <see cref="IDocumentTable.UpsertManyAsync"/>.</summary>
public sealed record StoredDocument(string Id, string MemberId, string UnitId, string Body);
