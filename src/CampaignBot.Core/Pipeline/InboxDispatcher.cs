using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Takes updates from the inbox and handles them: one conversation's in order, different conversations in
/// parallel. One bad update is logged, answered with an apology and set aside; the loop goes on.
/// </summary>
public sealed class InboxDispatcher(
    IInboxStore inbox,
    IOutboxStore outbox,
    UpdateHandler handler,
    PipelineSignals signals,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<InboxDispatcher> logger) : PollingWorker(signals.Inbox, options.Value.PollInterval, time, logger)
{
    private const int BatchSize = 200;
    private readonly PipelineOptions _options = options.Value;

    /// <summary>Handles what is pending now; returns how many updates were completed.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await inbox.ClaimPendingAsync(_options.InstanceId, Time.GetUtcNow(), _options.Lease, BatchSize, cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        var conversations = claimed
            .GroupBy(item => item.ConversationKey)
            .Select(group => group.OrderBy(item => item.ReceivedAt).ThenBy(item => item.Sequence).ToList());
        var completed = 0;
        await Parallel.ForEachAsync(
            conversations,
            new ParallelOptions { MaxDegreeOfParallelism = _options.Parallelism, CancellationToken = cancellationToken },
            async (items, token) =>
            {
                foreach (var item in items)
                {
                    await HandleOneAsync(item, token);
                    Interlocked.Increment(ref completed);
                }
            });
        signals.Outbox.Raise();
        signals.Jobs.Raise();
        return completed;
    }

    private async Task HandleOneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        Inbound? update = null;
        try
        {
            update = item.ReadUpdate();
            await handler.HandleAsync(update, cancellationToken);
            await inbox.CompleteAsync(item.Id, InboxStatus.Handled, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Update {InboxId} could not be handled; it is set aside as failed", item.Id);
            await inbox.CompleteAsync(item.Id, InboxStatus.Failed, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            if (update is not null)
            {
                await ApologiseAsync(item, update, cancellationToken);
            }
        }
    }

    private Task ApologiseAsync(InboxItem item, Inbound update, CancellationToken cancellationToken)
    {
        Outbound apology = update.Content is ButtonPress { CallbackId: { } callbackId }
            ? new CallbackAnswer(callbackId, update.Sender.Language == Language.English ? "Something went wrong." : "处理出错了。")
            : new TextMessage(update.Sender.Language == Language.English
                ? "Sorry, something went wrong while handling that. Please try again, or send /cancel."
                : "抱歉，处理这条消息时出错了。请稍后重试，或发送 /cancel 重新开始。");
        var message = OutboxMessage.Create($"{item.Id}#error", update.Chat, apology, Time.GetUtcNow());
        return outbox.EnqueueAsync([message], cancellationToken);
    }
}
