namespace CampaignBot.Storage.Mongo;

internal sealed class MongoInboxStore(IMongoCollection<BsonDocument> items) : IInboxStore
{
    private static readonly MongoRecords<InboxItem> Records = new(nameof(InboxItem.Id));

    public Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        return TryInsertAsync(items, Records.ToDocument(item), cancellationToken);
    }

    public async Task<IReadOnlyList<bool>> AddManyAsync(IReadOnlyList<InboxItem> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return [];
        }

        var documents = batch.Select(Records.ToDocument).ToList();
        try
        {
            // Unordered: every new id is stored even when some ids already exist.
            await items.InsertManyAsync(documents, new InsertManyOptions { IsOrdered = false }, cancellationToken);
            return [.. batch.Select(_ => true)];
        }
        catch (MongoBulkWriteException ex) when (IsDuplicateKey(ex))
        {
            var known = ex.WriteErrors.Select(e => e.Index).ToHashSet();

            // A server may stop at the first error: make sure every new one is stored (a second insert is a no-op).
            for (var i = 0; i < documents.Count; i++)
            {
                if (!known.Contains(i))
                {
                    await TryInsertAsync(items, documents[i], cancellationToken);
                }
            }

            return [.. batch.Select((_, i) => !known.Contains(i))];
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            var added = new bool[documents.Count];
            for (var i = 0; i < documents.Count; i++)
            {
                added[i] = await TryInsertAsync(items, documents[i], cancellationToken);
            }

            return added;
        }
    }

    public async Task<IReadOnlyList<InboxItem>> ClaimPendingAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

        var claimable = Filter.And(Filter.Eq("status", nameof(InboxStatus.Pending)), LeaseFree(now));
        var won = await Claims.ClaimAsync(
            items,
            claimable,
            Sort.Ascending("receivedAt").Ascending("sequence").Ascending("_id"),
            max,
            Update.Set("leaseOwner", owner).Set("leaseUntil", Date(now + lease)).Inc("attempts", 1),
            cancellationToken);
        return [.. won.Select(Records.FromDocument).OrderBy(i => i.ReceivedAt).ThenBy(i => i.Sequence).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public Task RedactAsync(string id, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        return items.UpdateOneAsync(ById(id), Update.Set("payload", payload), cancellationToken: cancellationToken);
    }

    public Task CompleteAsync(string id, InboxStatus status, string? error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return items.UpdateOneAsync(
            ById(id),
            ClearLease().Set("status", status.ToString()).Set("error", Text(error)),
            cancellationToken: cancellationToken);
    }

    public Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return items.FindOneAsync(ById(id), Records.FromDocument, cancellationToken);
    }

    public async Task<long> PruneHandledAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        (await items.DeleteManyAsync(
            Filter.And(Filter.Eq("status", nameof(InboxStatus.Handled)), Filter.Lt("receivedAt", Date(before))),
            cancellationToken)).DeletedCount;

    public Task<long> CountAsync(InboxStatus status, CancellationToken cancellationToken) =>
        items.CountDocumentsAsync(Filter.Eq("status", status.ToString()), cancellationToken: cancellationToken);
}
