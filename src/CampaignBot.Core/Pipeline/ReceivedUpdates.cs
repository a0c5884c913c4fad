namespace CampaignBot.Core.Pipeline;

/// <summary>
/// The updates this instance is storing in the inbox, as objects beside their JSON, so the dispatcher that claims one of
/// them back does not parse it again. An entry serves only the very payload it was made from (known by its length and
/// hash, so the JSON itself is not kept alive) and only once; any other claim (an update stored by another instance or
/// before a restart, a retry, one not kept) parses the stored JSON as before.
/// </summary>
/// <remarks>
/// Claims take the oldest updates first, so when <see cref="Capacity"/> updates are waiting the newest are not kept,
/// rather than the oldest dropped (those are the next claimed). An entry that no claim took within <see cref="MaxAge"/>
/// (claimed by another instance) makes room again.
/// </remarks>
public sealed class ReceivedUpdates(TimeProvider time)
{
    public const int Capacity = 4096;

    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Length, int Hash, Inbound Update)> _byId = new(StringComparer.Ordinal);

    /// <summary>The ids in the order they were kept; ids already taken are skipped when they reach the head.</summary>
    private readonly Queue<(string Id, DateTimeOffset KeptAt)> _order = new();

    /// <summary>Keeps updates as they go into the inbox, each with the item written for it, while there is room.</summary>
    public void Keep(IEnumerable<(InboxItem Item, Inbound Update)> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            while (_order.TryPeek(out var head) && (!_byId.ContainsKey(head.Id) || now - head.KeptAt > MaxAge))
            {
                _byId.Remove(_order.Dequeue().Id);
            }

            foreach (var (item, update) in stored)
            {
                if (_byId.Count >= Capacity)
                {
                    break;
                }

                if (_byId.TryAdd(item.Id, (item.Payload.Length, item.Payload.GetHashCode(StringComparison.Ordinal), update)))
                {
                    _order.Enqueue((item.Id, now));
                }
            }
        }
    }

    /// <summary>Drops what was kept for these items (not stored after all).</summary>
    public void Forget(IEnumerable<InboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        lock (_lock)
        {
            foreach (var item in items)
            {
                _byId.Remove(item.Id);
            }
        }
    }

    /// <summary>The claimed item's update: the kept object when it was made from this payload, else parsed.</summary>
    public Inbound Read(InboxItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        (int Length, int Hash, Inbound Update) kept;
        bool found;
        lock (_lock)
        {
            found = _byId.Remove(item.Id, out kept);
        }

        return found && kept.Length == item.Payload.Length && kept.Hash == item.Payload.GetHashCode(StringComparison.Ordinal)
            ? kept.Update
            : item.ReadUpdate();
    }
}
