namespace CampaignBot.Storage.Mongo;

internal sealed class MongoOutboxStore(IMongoCollection<BsonDocument> outbox) : IOutboxStore
{
    // Settling messages: the sender settles many chats at once, so their marks share bulk writes.
    private readonly BulkWriter _settlements = new(outbox);

    // Edits look up the message they edit, many chats at once: one query for those asked together.
    private readonly Batcher<string, BsonDocument?> _reads = new((ids, token) => ByIds.ReadAsync(outbox, ids, token));

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return;
        }

        try
        {
            // Unordered: every new id is stored even when some ids already exist.
            await outbox.InsertManyAsync(messages.Select(ToDocument), new InsertManyOptions { IsOrdered = false }, cancellationToken);
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            // Ids already stored are left as they are. A server that reports the duplicate as a command
            // error may have stopped early, so insert the batch one by one; existing ids are skipped again.
            foreach (var message in messages)
            {
                await TryInsertAsync(outbox, ToDocument(message), cancellationToken);
            }
        }
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(owner);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lease, TimeSpan.Zero);

        var claimable = Filter.And(
            Filter.Eq("status", nameof(OutboxStatus.Pending)),
            Filter.Lte("nextAttemptAt", Date(now)),
            LeaseFree(now));
        var won = await Claims.ClaimAsync(
            outbox,
            claimable,
            Sort.Ascending("createdAt").Ascending("_id"),
            max,
            Update.Set("leaseOwner", owner).Set("leaseUntil", Date(now + lease)),
            doc =>
            {
                doc["leaseOwner"] = owner;
                doc["leaseUntil"] = Date(now + lease);
            },
            cancellationToken);
        return [.. won.Select(FromDocument).OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    public Task MarkSentAsync(string id, string? externalMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return _settlements.WriteAsync(
            new UpdateOneModel<BsonDocument>(ById(id), Sent(externalMessageId, sentAt)),
            cancellationToken);
    }

    public Task MarkSentManyAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken) =>
        SentMark.WriteBatchAsync(marks, WriteSentAsync, cancellationToken);

    /// <summary>One bulk write, unordered: each mark is independent of the others.</summary>
    private Task WriteSentAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken) =>
        outbox.BulkWriteAsync(
            marks.Select(mark => new UpdateOneModel<BsonDocument>(ById(mark.Id), Sent(mark.ExternalMessageId, mark.SentAt))),
            new BulkWriteOptions { IsOrdered = false },
            cancellationToken);

    private static UpdateDefinition<BsonDocument> Sent(string? externalMessageId, DateTimeOffset sentAt) =>
        ClearLease()
            .Set("status", nameof(OutboxStatus.Sent))
            .Set("externalMessageId", Text(externalMessageId))
            .Set("sentAt", Date(sentAt));

    public Task RetryLaterAsync(string id, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var update = ClearLease()
            .Set("status", nameof(OutboxStatus.Pending))
            .Set("nextAttemptAt", Date(nextAttemptAt))
            .Set("lastError", Text(error));
        if (countAttempt)
        {
            update = update.Inc("attempts", 1);
        }

        return _settlements.WriteAsync(new UpdateOneModel<BsonDocument>(ById(id), update), cancellationToken);
    }

    public Task MarkFailedAsync(string id, OutboxStatus status, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(reason);
        if (status is not (OutboxStatus.Rejected or OutboxStatus.Unreachable))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failed message is either Rejected or Unreachable.");
        }

        return _settlements.WriteAsync(
            new UpdateOneModel<BsonDocument>(ById(id), ClearLease().Set("status", status.ToString()).Set("lastError", reason)),
            cancellationToken);
    }

    public async Task<OutboxMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var doc = await _reads.RunAsync(id, cancellationToken);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<long> PruneSentAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        (await outbox.DeleteManyAsync(
            Filter.And(
                Filter.Eq("status", nameof(OutboxStatus.Sent)),
                Filter.Eq("chat.kind", nameof(ChatKind.Private)),
                Filter.Lt("sentAt", Date(before))),
            cancellationToken)).DeletedCount;

    public Task<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken) =>
        outbox.CountDocumentsAsync(Filter.Eq("status", status.ToString()), cancellationToken: cancellationToken);

    internal static BsonDocument ToDocument(OutboxMessage message) => new()
    {
        { "_id", message.Id },
        {
            "chat", new BsonDocument
            {
                { "channel", message.Chat.Channel },
                { "id", message.Chat.Id },
                { "kind", message.Chat.Kind.ToString() },
                { "title", Text(message.Chat.Title) },
            }
        },
        { "body", message.Body },
        { "createdAt", Date(message.CreatedAt) },
        { "nextAttemptAt", Date(message.NextAttemptAt) },
        { "status", message.Status.ToString() },
        { "attempts", message.Attempts },
        { "leaseOwner", Text(message.LeaseOwner) },
        { "leaseUntil", Date(message.LeaseUntil) },
        { "externalMessageId", Text(message.ExternalMessageId) },
        { "sentAt", Date(message.SentAt) },
        { "lastError", Text(message.LastError) },
    };

    private static OutboxMessage FromDocument(BsonDocument doc)
    {
        var chat = doc["chat"].AsBsonDocument;
        return new OutboxMessage
        {
            Id = doc["_id"].AsString,
            Chat = new ChatRef(chat["channel"].AsString, chat["id"].AsString, chat.GetEnum<ChatKind>("kind"), chat.GetNullableString("title")),
            Body = doc["body"].AsString,
            CreatedAt = doc.GetDate("createdAt"),
            NextAttemptAt = doc.GetDate("nextAttemptAt"),
            Status = doc.GetEnum<OutboxStatus>("status"),
            Attempts = doc.GetInt("attempts"),
            LeaseOwner = doc.GetNullableString("leaseOwner"),
            LeaseUntil = doc.GetNullableDate("leaseUntil"),
            ExternalMessageId = doc.GetNullableString("externalMessageId"),
            SentAt = doc.GetNullableDate("sentAt"),
            LastError = doc.GetNullableString("lastError"),
        };
    }
}
