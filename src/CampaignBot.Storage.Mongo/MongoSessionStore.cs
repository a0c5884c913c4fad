namespace CampaignBot.Storage.Mongo;

internal sealed class MongoSessionStore(IMongoCollection<BsonDocument> sessions) : ISessionStore
{
    public Task<Session?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return sessions.FindOneAsync(ById(key), FromDocument, cancellationToken);
    }

    public async Task<bool> TrySaveAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Key, nameof(session));
        var next = session.Version + 1;
        var doc = ToDocument(session, next);
        bool saved;
        if (session.Version == 0)
        {
            // A first save races other first saves on _id; the loser sees a duplicate key.
            saved = await TryInsertAsync(sessions, doc, cancellationToken);
        }
        else
        {
            var result = await sessions.ReplaceOneAsync(
                Filter.And(ById(session.Key), Filter.Eq("version", session.Version)),
                doc,
                cancellationToken: cancellationToken);
            saved = result.MatchedCount == 1;
        }

        if (saved)
        {
            session.Version = next;
        }

        return saved;
    }

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken)
    {
        return sessions.FindAllAsync(FilterDefinition<BsonDocument>.Empty, Sort.Ascending("_id"), FromDocument, cancellationToken);
    }

    public async Task<IReadOnlyList<DueFlowTimeout>> DueTimeoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var docs = await sessions
            .Find(Filter.And(Filter.Lte("timeoutAt", Date(now)), Filter.Ne("promptToken", BsonNull.Value), Filter.Ne("timeoutTo", BsonNull.Value)))
            .Sort(Sort.Ascending("timeoutAt"))
            .Limit(max)
            .Project(Builders<BsonDocument>.Projection.Include("promptToken").Include("timeoutAt").Include("timeoutTo"))
            .ToListAsync(cancellationToken);
        return docs.ConvertAll(doc => new DueFlowTimeout(doc["_id"].AsString, doc["promptToken"].AsString, doc.GetDate("timeoutAt"), Target(doc["timeoutTo"].AsString)));
    }

    private static FlowTimeoutTarget Target(string json) =>
        MessageJson.Deserialize<FlowTimeoutTarget>(json);

    private static BsonDocument ToDocument(Session session, long version)
    {
        // Pairs, not fields: a flow's keys may hold '.' or '$', which field names must not.
        var data = new BsonArray(session.Data.Select(pair => new BsonDocument { { "k", pair.Key }, { "v", pair.Value } }));

        return new BsonDocument
        {
            { "_id", session.Key },
            { "version", version },
            { "flow", Text(session.Flow) },
            { "state", Text(session.State) },
            { "promptToken", Text(session.PromptToken) },
            { "data", data },
            { "recentUpdates", new BsonArray(session.RecentUpdates) },
            { "updatedAt", Date(session.UpdatedAt) },
            { "pendingEffects", Text(session.PendingEffects) },
            { "timeoutAt", Date(session.TimeoutAt) },
            { "timeoutTo", Text(session.TimeoutTo is { } to ? MessageJson.Serialize(to) : null) },
        };
    }

    private static Session FromDocument(BsonDocument doc)
    {
        var session = new Session
        {
            Key = doc["_id"].AsString,
            Version = doc.GetLong("version"),
            Flow = doc.GetNullableString("flow"),
            State = doc.GetNullableString("state"),
            PromptToken = doc.GetNullableString("promptToken"),
            UpdatedAt = doc.GetDate("updatedAt"),
            PendingEffects = doc.GetNullableString("pendingEffects"),
            TimeoutAt = doc.GetNullableDate("timeoutAt"),
            TimeoutTo = doc.GetNullableString("timeoutTo") is { } to ? Target(to) : null,
        };
        foreach (var pair in doc["data"].AsBsonArray.Select(v => v.AsBsonDocument))
        {
            session.Data[pair["k"].AsString] = pair["v"].AsString;
        }

        session.RecentUpdates = [.. doc["recentUpdates"].AsBsonArray.Select(v => v.AsString)];
        return session;
    }
}
