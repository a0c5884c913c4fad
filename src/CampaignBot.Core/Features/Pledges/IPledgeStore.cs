namespace CampaignBot.Core.Features.Pledges;

/// <summary>Pledges, unique per (member, area), and their monthly check-ins, unique per (pledge, period).</summary>
public interface IPledgeStore
{
    /// <summary>Inserts or replaces by (member, area).</summary>
    Task SaveAsync(Pledge pledge, CancellationToken cancellationToken);

    /// <summary>A member's pledges in every status, by area.</summary>
    Task<IReadOnlyList<Pledge>> ListByMemberAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>All pledges, or those of one unit, by member then area.</summary>
    Task<IReadOnlyList<Pledge>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the check-in of (pledge, period).</summary>
    Task RecordCheckInAsync(PledgeCheckIn checkIn, CancellationToken cancellationToken);

    /// <summary>All check-ins, or those of one unit, by member, area, period.</summary>
    Task<IReadOnlyList<PledgeCheckIn>> ListCheckInsAsync(string? unitId, CancellationToken cancellationToken);
}
