namespace CampaignBot.Core.Pipeline;

/// <summary>Stores an arriving update in the inbox and wakes the dispatcher.</summary>
public sealed class InboxWriter(IInboxStore inbox, PipelineSignals signals, TimeProvider time, ReceivedUpdates? received = null) : IInboundSink
{
    public async Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var item = InboxItem.From(update, time.GetUtcNow());
        var added = await StoreAsync([item], [update], async token => [await inbox.AddAsync(item, token)], cancellationToken);
        return added[0];
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
        await StoreAsync(items, updates, token => inbox.AddManyAsync(items, token), cancellationToken);
    }

    private async Task<IReadOnlyList<bool>> StoreAsync(
        InboxItem[] items,
        IReadOnlyList<Inbound> updates,
        Func<CancellationToken, Task<IReadOnlyList<bool>>> write,
        CancellationToken cancellationToken)
    {
        // Kept before the write: a running dispatcher may claim a row the moment its group commits.
        received?.Keep(items.Select((item, i) => (item, updates[i])));
        IReadOnlyList<bool> added;
        try
        {
            added = await write(cancellationToken);
        }
        catch
        {
            received?.Forget(items);
            throw;
        }

        // A row the inbox already had keeps its first payload; the copy kept for it is not what a claim reads.
        received?.Forget(items.Where((_, i) => !added[i]));
        signals.Inbox.Raise();
        return added;
    }
}
