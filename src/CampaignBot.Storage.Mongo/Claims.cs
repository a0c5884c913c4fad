namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Claims up to <c>max</c> documents in three round trips whatever their number: read the candidates' ids,
/// lease those still claimable in one update tagged with a fresh claim token, read back what carries the token.
/// Only a document the update still found claimable gets this claim's token, so rival claimers never share one.
/// </summary>
internal static class Claims
{
    public const string TokenField = "claim";

    public static async Task<IReadOnlyList<BsonDocument>> ClaimAsync(
        IMongoCollection<BsonDocument> collection,
        FilterDefinition<BsonDocument> claimable,
        SortDefinition<BsonDocument> order,
        int max,
        UpdateDefinition<BsonDocument> lease,
        CancellationToken cancellationToken)
    {
        var ids = await collection.Find(claimable)
            .Sort(order)
            .Limit(max)
            .Project(Builders<BsonDocument>.Projection.Include("_id"))
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var token = Guid.NewGuid().ToString("N");
        var result = await collection.UpdateManyAsync(
            Filter.And(Filter.In("_id", ids.Select(d => d["_id"])), claimable),
            Update.Combine(lease, Update.Set(TokenField, token)),
            cancellationToken: cancellationToken);
        if (result.ModifiedCount == 0)
        {
            return [];
        }

        return await collection.Find(Filter.Eq(TokenField, token)).ToListAsync(cancellationToken);
    }
}
