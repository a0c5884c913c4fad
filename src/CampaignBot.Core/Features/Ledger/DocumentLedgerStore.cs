namespace CampaignBot.Core.Features.Ledger;

/// <summary>The ledger store over two document tables; history rows are only ever inserted.</summary>
public sealed class DocumentLedgerStore(IDocumentTable items, IDocumentTable history) : ILedgerStore
{
    public const string Table = "ledger_items";
    public const string HistoryTable = "ledger_history";

    private readonly DocumentTable<LedgerItem> _items = new(items, i => new(i.Id, i.LeadLeaderId, i.UnitId), Check);

    // A history row is listed under its item in both the member and the unit column.
    private readonly HistoryTable<LedgerEntry> _history = new(history, e => e.ItemId, e => e.Number, e => e.ItemId);

    public Task SaveAsync(LedgerItem item, CancellationToken cancellationToken) => _items.SaveAsync(item, cancellationToken);

    public Task<LedgerItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        _items.GetAsync(id.ToUpperInvariant(), cancellationToken);

    public Task<IReadOnlyList<LedgerItem>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        _items.ListAsync(unitId, cancellationToken);

    public Task<IReadOnlyList<LedgerItem>> ListLedByAsync(string memberId, CancellationToken cancellationToken) =>
        _items.ListByMemberAsync(memberId, cancellationToken);

    public Task<bool> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken) => _history.TryAppendAsync(entry, cancellationToken);

    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken) => _history.ListAsync(itemId, cancellationToken);

    /// <summary>An item is kept only with its three fixes (三落实) in place.</summary>
    private static void Check(LedgerItem item)
    {
        if (item.Missing() is { Count: > 0 } missing)
        {
            throw new ArgumentException($"A ledger item needs a responsible person, measures and a deadline (三落实); missing: {string.Join(", ", missing)}.", nameof(item));
        }
    }
}
