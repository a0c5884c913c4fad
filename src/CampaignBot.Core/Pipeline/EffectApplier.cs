namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Applies saved effects: messages to the outbox, updates to the inbox, job changes to the scheduler. Every effect
/// carries an id derived from its cause, so applying the same effects again (a replay after a crash) stores nothing twice.
/// </summary>
public sealed class EffectApplier(IOutboxStore outbox, IJobStore jobs, IInboundSink inbox)
{
    public async Task ApplyAsync(
        IReadOnlyList<OutboxMessage> messages,
        IReadOnlyList<Inbound> updates,
        IReadOnlyList<ScheduledJob> scheduled,
        IReadOnlyList<string> cancelled,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        ArgumentNullException.ThrowIfNull(updates);
        ArgumentNullException.ThrowIfNull(scheduled);
        ArgumentNullException.ThrowIfNull(cancelled);
        if (messages.Count > 0)
        {
            await outbox.EnqueueAsync(messages, cancellationToken);
        }

        foreach (var update in updates)
        {
            await inbox.AcceptAsync(update, cancellationToken);
        }

        foreach (var id in cancelled)
        {
            await jobs.CancelAsync(id, cancellationToken);
        }

        foreach (var job in scheduled)
        {
            await jobs.UpsertAsync(job, cancellationToken);
        }
    }
}
