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
    ILogger<InboxDispatcher> logger,
    OutboxHandoff? handoff = null,
    ReceivedUpdates? received = null) : PollingWorker(signals.Inbox, options.Value.PollInterval, time, logger)
{
    private const int BatchSize = 200;

    /// <summary>Claimed and not yet handled, at most: keeps a claimed update's wait far inside its lease.</summary>
    private const int MaxInFlight = 2 * BatchSize;

    private readonly PipelineOptions _options = options.Value;
    private KeyedWorkQueue<InboxItem>? _queue;

    private KeyedWorkQueue<InboxItem> Queue(CancellationToken cancellationToken) =>
        _queue ??= new KeyedWorkQueue<InboxItem>(_options.Parallelism, (_, item, token) => HandleOneAsync(item, token));

    /// <summary>Handles what is pending now and waits for it; returns how many updates were completed.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Task.WhenAll(claimed);
        signals.Jobs.Raise();
        return claimed.Count;
    }

    /// <summary>
    /// Claims and hands updates to per-conversation queues as room frees up, without waiting for a batch to
    /// finish: a conversation's next update starts as soon as its previous one is committed.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var queue = Queue(stoppingToken);
                await queue.WaitForRoomAsync(MaxInFlight - BatchSize + 1, _options.PollInterval, Time, stoppingToken);
                if ((await ClaimAsync(stoppingToken)).Count > 0)
                {
                    continue;
                }

                signals.Jobs.Raise();
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Worker} failed; trying again in {Delay}", nameof(InboxDispatcher), _options.PollInterval);
            }

            await signals.Inbox.WaitAsync(_options.PollInterval, Time, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<Task>> ClaimAsync(CancellationToken cancellationToken)
    {
        var claimed = await inbox.ClaimPendingAsync(_options.InstanceId, Time.GetUtcNow(), _options.Lease, BatchSize, cancellationToken);
        var queue = Queue(cancellationToken);
        if (StageTrace.Enabled)
        {
            foreach (var item in claimed)
            {
                StageTrace.Mark("claimed", item.ConversationKey, claimed.Count);
            }
        }

        // The claim is oldest first, so each conversation's queue keeps its updates in order.
        return [.. claimed.Select(item => queue.Enqueue(item.ConversationKey, item, cancellationToken))];
    }

    private async Task HandleOneAsync(InboxItem item, CancellationToken cancellationToken)
    {
        Inbound? update = null;
        try
        {
            StageTrace.Mark("handling", item.ConversationKey, Queue(cancellationToken).InFlight);
            update = received?.Read(item) ?? item.ReadUpdate();
            if (!await handler.HandleAsync(update, item.Id, cancellationToken))
            {
                await inbox.CompleteAsync(item.Id, InboxStatus.Handled, null, cancellationToken);
            }

            StageTrace.Mark("handled", item.ConversationKey);

            if (handoff is not { IsAttached: true })
            {
                // The replies were not handed to a running worker in memory: it claims them from the store.
                signals.Outbox.Raise();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Update {InboxId} could not be handled; it is set aside as failed", item.Id);
            await inbox.CompleteAsync(item.Id, InboxStatus.Failed, $"{ex.GetType().Name}: {ex.Message}", cancellationToken);
            if (update is not null)
            {
                await ApologiseAsync(item, update, cancellationToken);
                signals.Outbox.Raise();
            }
        }
    }

    private Task ApologiseAsync(InboxItem item, Inbound update, CancellationToken cancellationToken)
    {
        Outbound apology = update.Content is ButtonPress { CallbackId: { } callbackId }
            ? new CallbackAnswer(callbackId, PipelineTexts.SomethingWentWrong.In(update.Sender.Language))
            : new TextMessage(PipelineTexts.Apology.In(update.Sender.Language));
        var message = OutboxMessage.Create($"{item.Id}#error", update.Chat, apology, Time.GetUtcNow());
        return outbox.EnqueueAsync([message], cancellationToken);
    }
}
