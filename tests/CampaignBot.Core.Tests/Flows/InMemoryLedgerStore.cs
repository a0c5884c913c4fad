using System.Collections.Concurrent;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Ledger items and history in dictionaries, with the contract's rules (三落实 refused, a history number written once).</summary>
internal sealed class InMemoryLedgerStore : ILedgerStore
{
    private readonly ConcurrentDictionary<string, LedgerItem> _items = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string, int), LedgerEntry> _history = new();

    /// <summary>The ledger's rules over this store, as the host wires them.</summary>
    public static LedgerService Service(ILedgerStore store, IMemberStore members, CampaignDefinition campaign) =>
        new(store, members, campaign, new CampaignCalendar(campaign), Microsoft.Extensions.Options.Options.Create(new LedgerOptions()));

    public Task SaveAsync(LedgerItem item, CancellationToken cancellationToken)
    {
        if (item.Missing().Count > 0)
        {
            throw new ArgumentException("三落实", nameof(item));
        }

        _items[item.Id] = item;
        return Task.CompletedTask;
    }

    public Task<LedgerItem?> GetAsync(string id, CancellationToken cancellationToken) => Task.FromResult(_items.GetValueOrDefault(id));

    public Task<IReadOnlyList<LedgerItem>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerItem>>([.. _items.Values.Where(i => unitId is null || i.UnitId == unitId).OrderBy(i => i.Id, StringComparer.Ordinal)]);

    public Task<IReadOnlyList<LedgerItem>> ListLedByAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerItem>>([.. _items.Values.Where(i => i.LeadLeaderId == memberId).OrderBy(i => i.Id, StringComparer.Ordinal)]);

    public Task<bool> AppendAsync(LedgerEntry entry, CancellationToken cancellationToken) => Task.FromResult(_history.TryAdd((entry.ItemId, entry.Number), entry));

    public Task<IReadOnlyList<LedgerEntry>> HistoryAsync(string itemId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<LedgerEntry>>([.. _history.Values.Where(e => e.ItemId == itemId).OrderBy(e => e.Number)]);
}
