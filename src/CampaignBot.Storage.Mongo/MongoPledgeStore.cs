using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pledges;
using MongoDB.Bson;
using MongoDB.Driver;

namespace CampaignBot.Storage.Mongo;

internal sealed class MongoPledgeStore(IMongoCollection<BsonDocument> pledges, IMongoCollection<BsonDocument> checkIns) : IPledgeStore
{
    private readonly MongoDocuments _pledges = new(pledges);
    private readonly MongoDocuments _checkIns = new(checkIns);

    public Task SaveAsync(Pledge pledge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pledge);
        ArgumentException.ThrowIfNullOrWhiteSpace(pledge.MemberId, nameof(pledge));
        ArgumentException.ThrowIfNullOrWhiteSpace(pledge.Area, nameof(pledge));
        return _pledges.UpsertAsync(pledge.Id, pledge.MemberId, pledge.UnitId, MessageJson.Serialize(pledge), cancellationToken);
    }

    public async Task<IReadOnlyList<Pledge>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        [.. (await _pledges.ListByMemberAsync(memberId, cancellationToken)).Select(MessageJson.Deserialize<Pledge>)];

    public async Task<IReadOnlyList<Pledge>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await _pledges.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<Pledge>)];

    public Task RecordCheckInAsync(PledgeCheckIn checkIn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkIn);
        ArgumentException.ThrowIfNullOrWhiteSpace(checkIn.Period, nameof(checkIn));
        return _checkIns.UpsertAsync(checkIn.Id, checkIn.MemberId, checkIn.UnitId, MessageJson.Serialize(checkIn), cancellationToken);
    }

    public async Task<IReadOnlyList<PledgeCheckIn>> ListCheckInsAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await _checkIns.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<PledgeCheckIn>)];
}
