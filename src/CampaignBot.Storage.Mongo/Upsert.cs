namespace CampaignBot.Storage.Mongo;

internal static class Upsert
{
    /// <summary>Inserts or replaces by _id. Two racing upserts of a new id can both try to insert; the loser replaces.</summary>
    public static async Task ReplaceAsync(IMongoCollection<BsonDocument> collection, string id, BsonDocument doc, CancellationToken cancellationToken)
    {
        try
        {
            await collection.ReplaceOneAsync(ById(id), doc, new ReplaceOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            await collection.ReplaceOneAsync(ById(id), doc, cancellationToken: cancellationToken);
        }
    }
}
