namespace CampaignBot.Storage.Mongo;

/// <summary>
/// A collection of campaign records kept as JSON text under an _id, with memberId and unitId as indexed fields:
/// the JSON is the same as SQLite's, so both stores read back exactly what was written.
/// </summary>
internal sealed class MongoDocuments(IMongoCollection<BsonDocument> collection) : IDocumentTable
{
    public static CreateIndexModel<BsonDocument>[] Indexes() =>
    [
        new(Builders<BsonDocument>.IndexKeys.Ascending("memberId").Ascending("_id")),
        new(Builders<BsonDocument>.IndexKeys.Ascending("unitId").Ascending("_id")),
    ];

    public Task UpsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken) =>
        Upsert.ReplaceAsync(collection, id, Document(id, memberId, unitId, body), cancellationToken);

    /// <summary>One unordered bulk write of replace-or-insert by _id, in slices so no request grows past the server's limits.</summary>
    public async Task UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        foreach (var slice in documents.Chunk(1000))
        {
            var writes = slice.Select(d => (WriteModel<BsonDocument>)new ReplaceOneModel<BsonDocument>(ById(d.Id), Document(d.Id, d.MemberId, d.UnitId, d.Body)) { IsUpsert = true });
            await collection.BulkWriteAsync(writes, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
    }

    /// <summary>False when the id is taken; _id is unique, so of racing inserts exactly one wins.</summary>
    public Task<bool> TryInsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken) =>
        MongoBson.TryInsertAsync(collection, Document(id, memberId, unitId, body), cancellationToken);

    public async Task<string?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var doc = await collection.Find(ById(id)).FirstOrDefaultAsync(cancellationToken);
        return doc?["body"].AsString;
    }

    public Task<IReadOnlyList<string>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        ListAsync(Filter.Eq("memberId", memberId), cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        ListAsync(unitId is null ? FilterDefinition<BsonDocument>.Empty : Filter.Eq("unitId", unitId), cancellationToken);

    private async Task<IReadOnlyList<string>> ListAsync(FilterDefinition<BsonDocument> filter, CancellationToken cancellationToken)
    {
        var docs = await collection.Find(filter).Sort(Sort.Ascending("_id")).ToListAsync(cancellationToken);
        return docs.ConvertAll(d => d["body"].AsString);
    }

    private static BsonDocument Document(string id, string memberId, string unitId, string body) => new()
    {
        { "_id", id },
        { "memberId", memberId },
        { "unitId", unitId },
        { "body", body },
    };
}
