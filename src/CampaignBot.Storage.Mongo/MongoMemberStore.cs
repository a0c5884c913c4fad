namespace CampaignBot.Storage.Mongo;

internal sealed class MongoMemberStore(IMongoCollection<BsonDocument> members) : IMemberStore
{
    private static readonly MongoRecords<Member> Records = new(nameof(Member.Id));

    // Every update looks its sender up: updates handled at the same time do it in one query.
    private readonly Batcher<string, BsonDocument?> _reads = new((ids, token) => ByIds.ReadAsync(members, ids, token));

    public async Task<Member?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var doc = await _reads.RunAsync(id, cancellationToken);
        return doc is null ? null : Records.FromDocument(doc);
    }

    public Task UpsertAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Upsert.ReplaceAsync(members, member.Id, Records.ToDocument(member), cancellationToken);
    }

    public Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken)
    {
        var filter = unitId is null ? FilterDefinition<BsonDocument>.Empty : Filter.Or(Filter.Eq("unitId", unitId), Filter.Eq("hostUnitId", unitId));
        return members.FindAllAsync(filter, Sort.Ascending("_id"), Records.FromDocument, cancellationToken);
    }
}
