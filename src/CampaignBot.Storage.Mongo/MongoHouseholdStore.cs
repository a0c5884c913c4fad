using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Mongo;

/// <summary>Household pairings; a unique index on (memberId, label) refuses a second pairing with one label.</summary>
internal sealed class MongoHouseholdStore(IMongoCollection<BsonDocument> households) : IHouseholdStore
{
    private static readonly MongoRecords<Household> Records = new(nameof(Household.Id), nameof(Household.Label));

    public Task<bool> AddAsync(Household household, CancellationToken cancellationToken) => Records.TryInsertAsync(households, household, cancellationToken);

    public async Task<bool> RenameAsync(string id, string label, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        try
        {
            var result = await households.UpdateOneAsync(ById(id), Builders<BsonDocument>.Update.Set("label", label), cancellationToken: cancellationToken);
            return result.MatchedCount == 1;
        }
        catch (MongoException ex) when (IsDuplicateKey(ex))
        {
            return false;
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return households.DeleteByIdAsync(id, cancellationToken);
    }

    public Task<IReadOnlyList<Household>> ListAsync(string? unitId, string? memberId, CancellationToken cancellationToken)
    {
        var filters = new List<FilterDefinition<BsonDocument>> { FilterDefinition<BsonDocument>.Empty };
        if (unitId is not null)
        {
            filters.Add(Filter.Eq("unitId", unitId));
        }

        if (memberId is not null)
        {
            filters.Add(Filter.Eq("memberId", memberId));
        }

        return households.FindAllAsync(Filter.And(filters), Sort.Ascending("pairedAt").Ascending("_id"), Records.FromDocument, cancellationToken);
    }
}
