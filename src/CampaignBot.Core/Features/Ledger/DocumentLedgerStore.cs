namespace CampaignBot.Core.Features.Ledger;

/// <summary>The ledger store over two document tables; history rows are only ever inserted.</summary>
public sealed class DocumentLedgerStore(IDocumentTable items, IDocumentTable history) : ILedgerStore
{
    public const string Table = "ledger_items";
    public const string HistoryTable = "ledger_history";

    public Task SaveAsync(LedgerItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Missing() is { Count: > 0 } missing)
        {
            throw new ArgumentException($"A ledger item needs a responsible person, measures and a deadline (三落实); missing: {string.Join(", ", missing)}.", nameof(item));
        }

        return items.UpsertAsync(item.Id, item.LeadLeaderId, item.UnitId, MessageJson.Serialize(item), cancellationToken);
    }

    public async Task<LedgerItem?> GetAsync(string id, CancellationToken cancellationToken) =>
        await items.GetAsync(id.ToUpperInvariant(), cancellationToken) is { } body ? MessageJson.Deserialize<LedgerItem>(body) : null;

    public async Task<IReadOnlyList<LedgerItem>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await items.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<LedgerItem>)];

    public Task<bool> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(entry.Number, 1);
        return history.TryInsertAsync($"{entry.ItemId}#{entry.Number.ToString("D4", CultureInfo.InvariantCulture)}", entry.ItemId, entry.ItemId, MessageJson.Serialize(entry), cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken) =>
        [.. (await history.ListByMemberAsync(itemId, cancellationToken)).Select(MessageJson.Deserialize<LedgerEntry>).OrderBy(e => e.Number)];
}
