namespace CampaignBot.Core.Features.Contacts;

/// <summary>The contact store over two document tables: changes keyed by leader, visits keyed by their id and listed by leader and unit.</summary>
public sealed class DocumentContactStore(IDocumentTable changes, IDocumentTable visits) : IContactStore
{
    public const string ChangeTable = "contact_assignments";
    public const string VisitTable = "contact_visits";

    public Task SetAsync(ContactChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var leader = change.Assignment.LeaderId;
        return changes.UpsertAsync(leader, leader, change.Assignment.UnitIds.FirstOrDefault() ?? string.Empty, MessageJson.Serialize(change), cancellationToken);
    }

    public async Task<IReadOnlyList<ContactChange>> ListChangesAsync(CancellationToken cancellationToken) =>
        [.. (await changes.ListAsync(null, cancellationToken)).Select(MessageJson.Deserialize<ContactChange>).OrderBy(c => c.Assignment.LeaderId, StringComparer.Ordinal)];

    public Task<bool> AddVisitAsync(ContactVisit visit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(visit);
        return visits.TryInsertAsync(visit.Id, visit.LeaderId, visit.UnitId, MessageJson.Serialize(visit), cancellationToken);
    }

    public async Task<IReadOnlyList<ContactVisit>> ListVisitsAsync(string? unitId, CancellationToken cancellationToken) =>
        Ordered(await visits.ListAsync(unitId, cancellationToken));

    public async Task<IReadOnlyList<ContactVisit>> ListVisitsByLeaderAsync(string leaderId, CancellationToken cancellationToken) =>
        Ordered(await visits.ListByMemberAsync(leaderId, cancellationToken));

    private static List<ContactVisit> Ordered(IEnumerable<string> bodies) =>
        [.. bodies.Select(MessageJson.Deserialize<ContactVisit>).OrderBy(v => v.Date).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
}
