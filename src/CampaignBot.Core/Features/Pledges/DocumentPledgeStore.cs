namespace CampaignBot.Core.Features.Pledges;

/// <summary>The pledge store over two document tables; every store implementation shares it.</summary>
public sealed class DocumentPledgeStore(IDocumentTable pledges, IDocumentTable checkIns) : IPledgeStore
{
    public const string Table = "pledges";
    public const string CheckInTable = "pledge_checkins";

    private readonly IDocumentTable _pledges = pledges;
    private readonly IDocumentTable _checkIns = checkIns;

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
