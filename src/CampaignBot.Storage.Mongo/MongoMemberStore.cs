namespace CampaignBot.Storage.Mongo;

internal sealed class MongoMemberStore(IMongoCollection<BsonDocument> members) : IMemberStore
{
    // Every update looks its sender up: updates handled at the same time do it in one query.
    private readonly Batcher<string, BsonDocument?> _reads = new((ids, token) => ByIds.ReadAsync(members, ids, token));

    public async Task<Member?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var doc = await _reads.RunAsync(id, cancellationToken);
        return doc is null ? null : FromDocument(doc);
    }

    public Task UpsertAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Upsert.ReplaceAsync(members, member.Id, ToDocument(member), cancellationToken);
    }

    public async Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken)
    {
        var filter = unitId is null ? FilterDefinition<BsonDocument>.Empty : Filter.Or(Filter.Eq("unitId", unitId), Filter.Eq("hostUnitId", unitId));
        var docs = await members.Find(filter).Sort(Sort.Ascending("_id")).ToListAsync(cancellationToken);
        return docs.ConvertAll(FromDocument);
    }

    private static BsonDocument ToDocument(Member member) => new()
    {
        { "_id", member.Id },
        { "channel", member.Channel },
        { "userId", member.UserId },
        { "name", member.Name },
        { "rank", member.Rank },
        { "unitId", member.UnitId },
        { "role", member.Role },
        { "languageCode", Text(member.LanguageCode) },
        { "registeredAt", Date(member.RegisteredAt) },
        { "hostUnitId", Text(member.HostUnitId) },
        { "deactivatedAt", Date(member.DeactivatedAt) },
    };

    private static Member FromDocument(BsonDocument doc) => new()
    {
        Id = doc["_id"].AsString,
        Channel = doc["channel"].AsString,
        UserId = doc["userId"].AsString,
        Name = doc["name"].AsString,
        Rank = doc["rank"].AsString,
        UnitId = doc["unitId"].AsString,
        Role = doc["role"].AsString,
        LanguageCode = doc.GetNullableString("languageCode"),
        RegisteredAt = doc.GetDate("registeredAt"),
        HostUnitId = doc.GetNullableString("hostUnitId"),
        DeactivatedAt = doc.GetNullableDate("deactivatedAt"),
    };
}
