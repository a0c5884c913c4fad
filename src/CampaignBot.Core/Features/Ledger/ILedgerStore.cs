namespace CampaignBot.Core.Features.Ledger;

/// <summary>Ledger items and their append-only history; SQLite and MongoDB alike.</summary>
public interface ILedgerStore
{
    /// <summary>
    /// Inserts or replaces the item. Refuses (<see cref="ArgumentException"/>, nothing stored) an item without a
    /// responsible person and unit, measures and a deadline: 三落实.
    /// </summary>
    Task SaveAsync(LedgerItem item, CancellationToken cancellationToken);

    Task<LedgerItem?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>A unit's items, or all when null, by id.</summary>
    Task<IReadOnlyList<LedgerItem>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>The items a member leads (牵头领导), in whatever unit, by id.</summary>
    Task<IReadOnlyList<LedgerItem>> ListLedByAsync(string memberId, CancellationToken cancellationToken);

    /// <summary>Appends an entry; false when its number is already written (history is never rewritten).</summary>
    Task<bool> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken);

    /// <summary>The item's history in order.</summary>
    Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken);
}
