using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

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
}
