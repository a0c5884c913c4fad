namespace CampaignBot.Core.Pipeline;

/// <summary>Stores an arriving update in the inbox and wakes the dispatcher.</summary>
public sealed class InboxWriter(IInboxStore inbox, PipelineSignals signals, TimeProvider time) : IInboundSink
{
    public async Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var added = await inbox.AddAsync(InboxItem.From(update, time.GetUtcNow()), cancellationToken);
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
        await inbox.AddManyAsync([.. updates.Select(update => InboxItem.From(update, now))], cancellationToken);
        signals.Inbox.Raise();
    }
}
