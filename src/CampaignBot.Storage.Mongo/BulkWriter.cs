namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Single-document writes to one collection that concurrent callers make (an inbox item's "handled" mark, an outbox
/// message's "sent" mark), sent together as one unordered bulk write per batch instead of one round trip each.
/// </summary>
internal sealed class BulkWriter
{
    private readonly Batcher<WriteModel<BsonDocument>, bool> _batcher;

    public BulkWriter(IMongoCollection<BsonDocument> collection)
    {
        ArgumentNullException.ThrowIfNull(collection);
        _batcher = new Batcher<WriteModel<BsonDocument>, bool>(async (models, token) =>
        {
            await collection.BulkWriteAsync(models, new BulkWriteOptions { IsOrdered = false }, token);
            return [.. models.Select(_ => true)];
        });
    }

    public Task WriteAsync(WriteModel<BsonDocument> model, CancellationToken cancellationToken) => _batcher.RunAsync(model, cancellationToken);
}
