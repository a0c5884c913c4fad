namespace CampaignBot.Core.Pipeline;

/// <summary>Stores an arriving update in the inbox and wakes the dispatcher.</summary>
public sealed class InboxWriter(IInboxStore inbox, PipelineSignals signals, TimeProvider time, ReceivedUpdates? received = null) : IInboundSink
{
    public async Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var item = InboxItem.From(update, time.GetUtcNow());
        var added = await inbox.AddAsync(item, cancellationToken);
        if (added)
        {
            received?.Keep([(item, update)]);
        }

        signals.Inbox.Raise();
        return added;
    }

    /// <summary>A batch in one inbox write; returns once all of it is stored.</summary>
    public async Task AcceptManyAsync(IReadOnlyList<Inbound> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0)
        {
            return;
        }

        var now = time.GetUtcNow();
        InboxItem[] items = [.. updates.Select(update => InboxItem.From(update, now))];
        var added = await inbox.AddManyAsync(items, cancellationToken);
        received?.Keep(items.Select((item, i) => (item, updates[i])).Where((_, i) => added[i]));

        signals.Inbox.Raise();
    }
}
