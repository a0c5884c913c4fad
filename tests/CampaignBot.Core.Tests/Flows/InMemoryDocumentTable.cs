using System.Collections.Concurrent;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>A document table in memory, for the stores written once against <see cref="IDocumentTable"/> (ledger, contacts).</summary>
internal sealed class InMemoryDocumentTable : IDocumentTable
{
    private readonly ConcurrentDictionary<string, (string Member, string Unit, string Body)> _rows = new(StringComparer.Ordinal);

    public int Count => _rows.Count;

    public Task UpsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken)
    {
        _rows[id] = (memberId, unitId, body);
        return Task.CompletedTask;
    }

    public Task UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        foreach (var document in documents)
        {
            _rows[document.Id] = (document.MemberId, document.UnitId, document.Body);
        }

        return Task.CompletedTask;
    }

    public Task<bool> TryInsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryAdd(id, (memberId, unitId, body)));

    public Task<string?> GetAsync(string id, CancellationToken cancellationToken) =>
        Task.FromResult(_rows.TryGetValue(id, out var row) ? row.Body : null);

    public Task<IReadOnlyList<string>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _rows.Where(r => r.Value.Member == memberId).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.Body)]);

    public Task<IReadOnlyList<string>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. _rows.Where(r => unitId is null || r.Value.Unit == unitId).OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Value.Body)]);
}
