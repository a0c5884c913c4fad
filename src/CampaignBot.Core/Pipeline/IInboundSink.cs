namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Where channel adapters hand updates. It returns once the update is durably in the inbox,
/// so the adapter may then acknowledge the channel (move the offset, answer the webhook).
/// </summary>
public interface IInboundSink
{
    /// <summary>True when stored now; false when the inbox had it already (a redelivery).</summary>
    Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken);

    /// <summary>
    /// Stores a batch (one getUpdates answer, one webhook request) and returns once all of it is durable. The
    /// updates are handed over in order and written together (one group commit where the store has one).
    /// </summary>
    async Task AcceptManyAsync(IReadOnlyList<Inbound> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var stored = new Task[updates.Count];
        for (var i = 0; i < updates.Count; i++)
        {
            stored[i] = AcceptAsync(updates[i], cancellationToken);
        }

        await Task.WhenAll(stored);
    }
}
