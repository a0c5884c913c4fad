namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Whether a message with a given id was already stored (a once-a-day notice): what a feature may know of the outbox
/// without holding it. Sending still goes only through the effects route.
/// </summary>
public sealed class NoticeLedger(IOutboxStore outbox)
{
    public async Task<bool> WasStoredAsync(string messageId, CancellationToken cancellationToken) =>
        await outbox.GetAsync(messageId, cancellationToken).ConfigureAwait(false) is not null;
}
