namespace CampaignBot.Storage.Mongo;

internal sealed class MongoMemberStore(IMongoCollection<BsonDocument> members) : IMemberStore
{
    private static readonly MongoRecords<Member> Records = new(nameof(Member.Id));

    public Task<Member?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return members.FindOneAsync(ById(id), Records.FromDocument, cancellationToken);
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
