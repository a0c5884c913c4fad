namespace CampaignBot.Core.Pipeline;

/// <summary>
/// The updates this instance stored last, as objects beside their JSON, so the dispatcher that claims one of them back
/// from the inbox does not parse it again. An entry serves only the very payload it was made from and only once; any
/// other claim (an update stored by another instance or before a restart, a retry) parses the stored JSON as before.
/// Holds at most <see cref="Capacity"/> updates, the oldest dropped first; a payload is known by its length and hash,
/// so the JSON itself is not kept alive.
/// </summary>
public sealed class ReceivedUpdates
{
    public const int Capacity = 4096;

    private readonly Lock _lock = new();
    private readonly Dictionary<string, (int Length, int Hash, Inbound Update)> _byId = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    /// <summary>Keeps updates as they go into the inbox, each with the item written for it.</summary>
    public void Keep(IEnumerable<(InboxItem Item, Inbound Update)> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        lock (_lock)
        {
            foreach (var (item, update) in stored)
            {
                if (_byId.TryAdd(item.Id, (item.Payload.Length, item.Payload.GetHashCode(StringComparison.Ordinal), update)))
                {
                    _order.Enqueue(item.Id);
                }
            }

            while (_order.Count > Capacity)
            {
                _byId.Remove(_order.Dequeue());
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
