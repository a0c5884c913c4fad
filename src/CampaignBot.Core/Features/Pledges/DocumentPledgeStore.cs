namespace CampaignBot.Core.Features.Pledges;

/// <summary>The pledge store over two document tables; every store implementation shares it.</summary>
public sealed class DocumentPledgeStore(IDocumentTable pledges, IDocumentTable checkIns) : IPledgeStore
{
    public const string Table = "pledges";
    public const string CheckInTable = "pledge_checkins";

    private readonly DocumentTable<Pledge> _pledges = new(pledges, p => new(p.Id, p.MemberId, p.UnitId), Check);
    private readonly DocumentTable<PledgeCheckIn> _checkIns = new(checkIns, c => new(c.Id, c.MemberId, c.UnitId), Check);

    public Task SaveAsync(Pledge pledge, CancellationToken cancellationToken) => _pledges.SaveAsync(pledge, cancellationToken);

    public Task<IReadOnlyList<Pledge>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        _pledges.ListByMemberAsync(memberId, cancellationToken);

    public Task<IReadOnlyList<Pledge>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        _pledges.ListAsync(unitId, cancellationToken);

    public Task RecordCheckInAsync(PledgeCheckIn checkIn, CancellationToken cancellationToken) => _checkIns.SaveAsync(checkIn, cancellationToken);

    public Task<IReadOnlyList<PledgeCheckIn>> ListCheckInsAsync(string? unitId, CancellationToken cancellationToken) =>
        _checkIns.ListAsync(unitId, cancellationToken);

    /// <summary>A pledge belongs to a member and names the area it is about.</summary>
    private static void Check(Pledge pledge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pledge.MemberId, nameof(pledge));
        ArgumentException.ThrowIfNullOrWhiteSpace(pledge.Area, nameof(pledge));
    }

    /// <summary>A check-in is for one period of its pledge.</summary>
    private static void Check(PledgeCheckIn checkIn) => ArgumentException.ThrowIfNullOrWhiteSpace(checkIn.Period, nameof(checkIn));
}
