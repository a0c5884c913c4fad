namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// A change of a leader's contact points made in chat (/contact set or /contact clear); it replaces what the campaign
/// file says for that leader. <see cref="Removed"/> means the leader has no contact points any more.
/// </summary>
public sealed record ContactChange(ContactAssignment Assignment, bool Removed, string ChangedBy, DateTimeOffset ChangedAt);

/// <summary>A contact leader's visit to a unit they contact: the day, what was done, who recorded it when.</summary>
public sealed record ContactVisit(string Id, string LeaderId, string LeaderName, string UnitId, DateOnly Date, string What, DateTimeOffset RecordedAt);

/// <summary>Contact points set at runtime and the contact visits; SQLite and MongoDB alike.</summary>
public interface IContactStore
{
    /// <summary>Stores the change; a later change for the same leader replaces it.</summary>
    Task SetAsync(ContactChange change, CancellationToken cancellationToken);

    /// <summary>Every stored change, one per leader, by leader id.</summary>
    Task<IReadOnlyList<ContactChange>> ListChangesAsync(CancellationToken cancellationToken);

    /// <summary>Records a visit; false when its id is already stored (a redelivered update records nothing twice).</summary>
    Task<bool> AddVisitAsync(ContactVisit visit, CancellationToken cancellationToken);

    /// <summary>The visits to one unit, or every visit when <paramref name="unitId"/> is null, oldest day first.</summary>
    Task<IReadOnlyList<ContactVisit>> ListVisitsAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>One leader's visits, oldest day first.</summary>
    Task<IReadOnlyList<ContactVisit>> ListVisitsByLeaderAsync(string leaderId, CancellationToken cancellationToken);
}
