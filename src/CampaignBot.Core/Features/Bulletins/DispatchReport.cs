namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// A unit's answer to the monthly dispatch (月调度): practical things done this month (办实事: a count and a few lines),
/// whether the ledger progress was checked, and a note. One per unit and month; answering again replaces it.
/// </summary>
public sealed record DispatchReport
{
    public required string UnitId { get; init; }

    /// <summary>The calendar month, "2027-03".</summary>
    public required string Month { get; init; }

    public required int PracticalThings { get; init; }

    public IReadOnlyList<string> Lines { get; init; } = [];

    public bool LedgerChecked { get; init; }

    public string? Note { get; init; }

    public required string AnsweredBy { get; init; }

    public required DateTimeOffset AnsweredAt { get; init; }

    public string Id => IdFor(UnitId, Month);

    public static string IdFor(string unitId, string month) => $"{unitId}#{month}";
}

/// <summary>That the bulletin of a month was published (月通报), by whom and when: a month is published once.</summary>
public sealed record BulletinRecord(string Month, string PublishedBy, DateTimeOffset PublishedAt)
{
    /// <summary>The bulletin as it was published: what the groups read, kept so the month reads the same later; null in records from before it was kept.</summary>
    public Bulletin? Published { get; init; }
}

public interface IBulletinStore
{
    Task SaveDispatchAsync(DispatchReport report, CancellationToken cancellationToken);

    Task<DispatchReport?> GetDispatchAsync(string unitId, string month, CancellationToken cancellationToken);

    Task<IReadOnlyList<DispatchReport>> ListDispatchesAsync(string month, CancellationToken cancellationToken);

    /// <summary>False when the month was published already (the first publish wins).</summary>
    Task<bool> TryRecordPublishedAsync(BulletinRecord record, CancellationToken cancellationToken);

    Task<BulletinRecord?> GetPublishedAsync(string month, CancellationToken cancellationToken);
}

/// <summary>The bulletin store over two document tables.</summary>
public sealed class DocumentBulletinStore(Storage.IDocumentTable dispatches, Storage.IDocumentTable bulletins) : IBulletinStore
{
    public const string DispatchTable = "dispatch_reports";
    public const string Table = "bulletins";

    // Dispatch answers are listed by month in the member column; a bulletin belongs to the whole campaign.
    private readonly Storage.DocumentTable<DispatchReport> _dispatches = new(dispatches, r => new(r.Id, r.Month, r.UnitId));
    private readonly Storage.DocumentTable<BulletinRecord> _bulletins = new(bulletins, b => new(b.Month, b.PublishedBy, "all"));

    public Task SaveDispatchAsync(DispatchReport report, CancellationToken cancellationToken) => _dispatches.SaveAsync(report, cancellationToken);

    public Task<DispatchReport?> GetDispatchAsync(string unitId, string month, CancellationToken cancellationToken) =>
        _dispatches.GetAsync(DispatchReport.IdFor(unitId, month), cancellationToken);

    public Task<IReadOnlyList<DispatchReport>> ListDispatchesAsync(string month, CancellationToken cancellationToken) =>
        _dispatches.ListByMemberAsync(month, cancellationToken);

    public Task<bool> TryRecordPublishedAsync(BulletinRecord record, CancellationToken cancellationToken) => _bulletins.TryAddAsync(record, cancellationToken);

    public Task<BulletinRecord?> GetPublishedAsync(string month, CancellationToken cancellationToken) => _bulletins.GetAsync(month, cancellationToken);
}
