using CampaignBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Hands an update's committed replies to the running outbox worker in memory, so the worker need not claim them
/// back from the store. The messages are written leased to this instance in the update's own transaction: no other
/// claim takes them while the lease runs, and if the process dies before they are sent the lease runs out and the
/// store's claim picks them up (recovery as before). With no worker attached (a worker that is stopped, tests that
/// step the pipeline by hand) nothing is leased and the store's claim does all the work.
/// </summary>
public sealed class OutboxHandoff(IOptions<PipelineOptions> options, PipelineSignals signals)
{
    private readonly PipelineOptions _options = options.Value;
    private volatile Action<IReadOnlyList<OutboxMessage>>? _receiver;
    private volatile Func<bool>? _hasRoom;

    /// <summary>True while a worker takes handed-off messages.</summary>
    public bool IsAttached => _receiver is not null;

    /// <summary>
    /// The messages as they are to be written: those due now leased to this instance when a worker is attached
    /// (the rest unchanged, for the store's claim).
    /// </summary>
    public IReadOnlyList<OutboxMessage> Lease(IReadOnlyList<OutboxMessage> messages, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(messages);
        // A worker with a full queue takes nothing more: a message waiting in memory longer than its lease could be
        // claimed a second time, so past that point the store's claim paces the work as before.
        if (_receiver is null || messages.Count == 0 || _hasRoom?.Invoke() == false)
        {
            return messages;
        }

        var leased = new OutboxMessage[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            var message = messages[i];
            leased[i] = message.NextAttemptAt <= now && message.LeaseOwner is null && message.Status == OutboxStatus.Pending
                ? message with { LeaseOwner = _options.InstanceId, LeaseUntil = now + _options.Lease }
                : message;
        }

        return leased;
    }

    /// <summary>
    /// Gives the committed messages leased by <see cref="Lease"/> to the worker, and wakes it to claim any that were
    /// not leased; false when no worker is attached (the caller wakes the worker as before).
    /// </summary>
    public bool Offer(IReadOnlyList<OutboxMessage> committed)
    {
        ArgumentNullException.ThrowIfNull(committed);
        var receiver = _receiver;
        if (receiver is null)
        {
            return false;
        }

        var mine = new List<OutboxMessage>(committed.Count);
        var left = false;
        foreach (var message in committed)
        {
            if (message.LeaseOwner == _options.InstanceId)
            {
                mine.Add(message);
            }
            else
            {
                left = true;
            }
        }

        if (mine.Count > 0)
        {
            receiver(mine);
        }

        if (left)
        {
            signals.Outbox.Raise();
        }

        return true;
    }

    internal void Attach(Action<IReadOnlyList<OutboxMessage>> receiver, Func<bool> hasRoom)
    {
        _hasRoom = hasRoom;
        _receiver = receiver;
    }

    internal void Detach()
    {
        _receiver = null;
        _hasRoom = null;
    }
}
