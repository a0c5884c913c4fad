namespace CampaignBot.Core.Storage;

/// <summary>
/// An append-only history kept in a document table: each owner's entries are numbered from 1 and filed under the owner,
/// with ids "owner#0001" so that they sort in order (examination versions and reviews, ledger history).
/// </summary>
public sealed class HistoryTable<T>(IDocumentTable table, Func<T, string> owner, Func<T, int> number, Func<T, string> unit)
    where T : class
{
    private readonly DocumentTable<T> _entries = new(table, e => new(Key(owner(e), number(e)), owner(e), unit(e)));

    /// <summary>Adds the entry; false when the owner has an entry with its number already (nothing is replaced).</summary>
    public Task<bool> TryAppendAsync(T entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentOutOfRangeException.ThrowIfLessThan(number(entry), 1, nameof(entry));
        return _entries.TryAddAsync(entry, cancellationToken);
    }

    /// <summary>The owner's entries, by number.</summary>
    public async Task<IReadOnlyList<T>> ListAsync(string ownerId, CancellationToken cancellationToken) =>
        [.. (await _entries.ListByMemberAsync(ownerId, cancellationToken)).OrderBy(number)];

    /// <summary>Zero-padded so that ids sort in number order.</summary>
    public static string Key(string ownerId, int entryNumber) => $"{ownerId}#{entryNumber.ToString("D4", CultureInfo.InvariantCulture)}";
}
