namespace CampaignBot.Core.Features.Contacts;

/// <summary>The contact store over two document tables: changes keyed by leader, visits keyed by their id and listed by leader and unit.</summary>
public sealed class DocumentContactStore(IDocumentTable changes, IDocumentTable visits) : IContactStore
{
    public const string ChangeTable = "contact_assignments";
    public const string VisitTable = "contact_visits";

    private readonly DocumentTable<ContactChange> _changes = new(changes, c => new(c.Assignment.LeaderId, c.Assignment.LeaderId, c.Assignment.UnitIds.FirstOrDefault() ?? string.Empty));
    private readonly DocumentTable<ContactVisit> _visits = new(visits, v => new(v.Id, v.LeaderId, v.UnitId));

    public Task SetAsync(ContactChange change, CancellationToken cancellationToken) => _changes.SaveAsync(change, cancellationToken);

    public async Task<IReadOnlyList<ContactChange>> ListChangesAsync(CancellationToken cancellationToken) =>
        [.. (await _changes.ListAsync(null, cancellationToken)).OrderBy(c => c.Assignment.LeaderId, StringComparer.Ordinal)];

    public Task<bool> AddVisitAsync(ContactVisit visit, CancellationToken cancellationToken) => _visits.TryAddAsync(visit, cancellationToken);

    public async Task<IReadOnlyList<ContactVisit>> ListVisitsAsync(string? unitId, CancellationToken cancellationToken) =>
        Ordered(await _visits.ListAsync(unitId, cancellationToken));

    public async Task<IReadOnlyList<ContactVisit>> ListVisitsByLeaderAsync(string leaderId, CancellationToken cancellationToken) =>
        Ordered(await _visits.ListByMemberAsync(leaderId, cancellationToken));

    private static List<ContactVisit> Ordered(IEnumerable<ContactVisit> visits) =>
        [.. visits.OrderBy(v => v.Date).ThenBy(v => v.RecordedAt).ThenBy(v => v.Id, StringComparer.Ordinal)];
}
