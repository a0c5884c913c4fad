namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Claims up to <c>max</c> documents in two round trips whatever their number: read the candidates, then lease
/// each one still claimable, all in one unordered bulk write tagged with a fresh claim token. When every lease
/// took, the candidates are the claim (their lease applied in memory); when a rival took some first, a third
/// round trip reads back what carries this claim's token. Only a document an update still found claimable gets
/// the token, so rival claimers never share one.
/// </summary>
internal static class Claims
{
    public const string TokenField = "claim";

    /// <param name="applyLease">Applies <paramref name="lease"/> to a candidate in memory, as the server did.</param>
    public static async Task<IReadOnlyList<BsonDocument>> ClaimAsync(
        IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> claimable,
        SortDefinition<BsonDocument> order,
        int max,
        UpdateDefinition<BsonDocument> lease,
        Action<BsonDocument> applyLease,
        CancellationToken cancellationToken)
    {
        var candidates = await collection.Find(claimable).Sort(order).Limit(max).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
        {
            return [];
        }

        // One update per id rather than one updateMany over $in: the same round trip, and each stays a single-key write.
        var token = Guid.NewGuid().ToString("N");
        var tagged = Update.Combine(lease, Update.Set(TokenField, token));
        var models = candidates
            .Select(doc => (WriteModel<BsonDocument>)new UpdateOneModel<BsonDocument>(Filter.And(Filter.Eq("_id", doc["_id"]), claimable), tagged))
            .ToList();
        var result = await collection.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        if (result.ModifiedCount == candidates.Count)
        {
            foreach (var doc in candidates)
            {
                applyLease(doc);
                doc[TokenField] = token;
            }

            return candidates;
        }

        return result.ModifiedCount == 0 ? [] : await collection.Find(Filter.Eq(TokenField, token)).ToListAsync(cancellationToken);
    }
}
