namespace CampaignBot.Storage.Mongo;

internal static class ByIds
{
    /// <summary>The documents with these ids, in their order (null where none), read in one query.</summary>
    public static async Task<IReadOnlyList<BsonDocument?>> ReadAsync(IMongoCollection<BsonDocument> collection, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var filter = ids.Count == 1 ? ById(ids[0]) : Filter.In("_id", ids.Distinct(StringComparer.Ordinal));
        var found = (await collection.Find(filter).ToListAsync(cancellationToken)).ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
        return [.. ids.Select(id => found.GetValueOrDefault(id))];
    }
}
