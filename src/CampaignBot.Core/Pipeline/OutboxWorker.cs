namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Sends what the outbox holds, through each channel's sender, at each channel's pace. A message is marked
/// sent as soon as the channel took it; passing failures are retried with backoff, throttling holds back only
/// the chat concerned, an unreachable chat stops being sent to, a refused message is recorded and dropped.
/// </summary>
public sealed class OutboxWorker(
    IOutboxStore outbox,
    IChatStore chats,
    IEnumerable<IChannelSender> senders,
    SendPacer pacer,
    PipelineSignals signals,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<OutboxWorker> logger,
    OutboxHandoff? handoff = null,
    SentMarks? marks = null) : PollingWorker(signals.Outbox, options.Value.PollInterval, time, logger)
{
    private const int BatchSize = 200;

    /// <summary>A slot this close is waited for in process; a later one puts the message back in the outbox.</summary>
    private static readonly TimeSpan WaitHorizon = TimeSpan.FromSeconds(1);

    private readonly Dictionary<string, IChannelSender> _senders = senders.ToDictionary(s => s.Channel, StringComparer.Ordinal);
    private readonly PipelineOptions _options = options.Value;

    /// <summary>Claimed and not yet settled, at most: keeps a claimed message's wait far inside its lease.</summary>
    private const int MaxInFlight = 2 * BatchSize;

    /// <summary>
    /// Chats held back, until when: the chat's later messages wait behind the held one. A chat stays listed until one
    /// of its messages is settled, so a reply handed over from memory never overtakes those put back in the store.
    /// </summary>
    private readonly Dictionary<string, DateTimeOffset> _held = new(StringComparer.Ordinal);
    /// <summary>
    /// Messages queued or being sent here and not yet settled. A claim that takes one of them again (its lease ran out
    /// during a slow send, or while it waited behind its chat's earlier messages) leaves it to the turn already queued.
    /// </summary>
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private KeyedWorkQueue<Turn>? _queue;

    private KeyedWorkQueue<Turn> Queue =>
        _queue ??= new KeyedWorkQueue<Turn>(_options.SendParallelism, SendInTurnAsync);

    /// <summary>Sends what is due now and waits for it; returns how many messages were settled (sent, dropped or put back).</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var claimed = await ClaimAsync(cancellationToken);
        await Task.WhenAll(claimed);
        if (marks is not null)
        {
            await marks.FlushAsync(cancellationToken);
        }

        return claimed.Count;
    }

    /// <summary>Claims and hands messages to per-chat queues as room frees up, without waiting for a batch to finish.</summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Committed replies come from memory as well; the claim below still takes everything else (and recovers
        // handed-off messages whose lease ran out).
        handoff?.Attach(messages =>
        {
            foreach (var message in messages)
            {
                StageTrace.Mark("handoff", message.Chat.Id, Queue.InFlight);
                _ = Take(message, fromStore: false, stoppingToken);
            }
        },
        () => Queue.InFlight < MaxInFlight);
        try
        {
            await RunAsync(stoppingToken);
        }
        finally
        {
            handoff?.Detach();
            if (marks is not null)
            {
                // What was sent before the stop is marked now, so a restart does not send it again.
                await marks.FlushAsync(CancellationToken.None);
            }
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Queue.WaitForRoomAsync(MaxInFlight - BatchSize + 1, _options.PollInterval, Time, stoppingToken);
                if ((await ClaimAsync(stoppingToken)).Count > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Worker} failed; trying again in {Delay}", nameof(OutboxWorker), _options.PollInterval);
            }

            await signals.Outbox.WaitAsync(_options.PollInterval, Time, stoppingToken);
        }
    }

    private async Task<IReadOnlyList<Task>> ClaimAsync(CancellationToken cancellationToken)
    {
        var due = await outbox.ClaimDueAsync(_options.InstanceId, Time.GetUtcNow(), _options.Lease, BatchSize, cancellationToken);
        if (StageTrace.Enabled)
        {
            foreach (var message in due)
            {
                StageTrace.Mark("outbox-claimed", message.Chat.Id, due.Count);
            }
        }

        // The claim is oldest first, so each chat's queue keeps its messages in order. A message sent whose mark is
        // still gathering (its lease ran out meanwhile) is not sent again: the mark is on its way.
        return [.. due.Where(message => marks?.Pending(message.Id) is null).Select(message => Take(message, fromStore: true, cancellationToken)).OfType<Task>()];
    }

    /// <summary>Queues the message in its chat's turn, unless it is queued or being sent here already (then null).</summary>
    private Task? Take(OutboxMessage message, bool fromStore, CancellationToken cancellationToken)
    {
        lock (_taken)
        {
            if (!_taken.Add(message.Id))
            {
                return null;
            }
        }

        return Queue.Enqueue(message.Chat.Key, new Turn(message, fromStore), cancellationToken);
    }

    /// <summary>
    /// One chat's next message; once one is held back, the chat's later messages wait behind it. A message handed over
    /// from memory while earlier ones wait in the store is put back there too: the store's claim, oldest first, keeps
    /// the chat's order.
    /// </summary>
    private async Task SendInTurnAsync(string chat, Turn turn, CancellationToken cancellationToken)
    {
        try
        {
            await SendInTurnCoreAsync(chat, turn, cancellationToken);
        }
        finally
        {
            lock (_taken)
            {
                _taken.Remove(turn.Message.Id);
            }
        }
    }

    private async Task SendInTurnCoreAsync(string chat, Turn turn, CancellationToken cancellationToken)
    {
        var message = turn.Message;
        StageTrace.Mark("send-turn", message.Chat.Id);
        var now = Time.GetUtcNow();
        DateTimeOffset? heldUntil = null;
        lock (_held)
        {
            if (_held.TryGetValue(chat, out var until) && (until > now || !turn.FromStore))
            {
                heldUntil = until > now ? until : now;
            }
        }

        if (heldUntil is { } later)
        {
            await outbox.RetryLaterAsync(message.Id, later, null, countAttempt: false, cancellationToken);
            pacer.Deferred(message, later);
            if (later <= now)
            {
                signals.Outbox.Raise();
            }

            return;
        }

        var outcome = await SendOneAsync(message, cancellationToken);
        lock (_held)
        {
            if (outcome is { } until)
            {
                _held[chat] = until;
            }
            else
            {
                _held.Remove(chat);
            }
        }

        if (outcome is { } deferredUntil)
        {
            pacer.Deferred(message, deferredUntil);
            return;
        }

        pacer.Settled(message, ChannelRateLimits.Unlimited, sentAt: null);
    }

    /// <summary>Returns the time the chat is held until, when it must wait; null when the message was settled.</summary>
    private async Task<DateTimeOffset?> SendOneAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (!_senders.TryGetValue(message.Chat.Channel, out var sender))
        {
            await outbox.MarkFailedAsync(message.Id, OutboxStatus.Rejected, $"No sender for channel '{message.Chat.Channel}' is configured.", cancellationToken);
            return null;
        }

        Outbound body;
        try
        {
            body = message.ReadBody();
        }
        catch (System.Text.Json.JsonException ex)
        {
            await outbox.MarkFailedAsync(message.Id, OutboxStatus.Rejected, $"Unreadable body: {ex.Message}", cancellationToken);
            return null;
        }

        string? editTarget = null;
        if (body is EditMessage edit)
        {
            var target = marks?.Pending(edit.TargetOutboxId) is { } sentNow
                ? new { Status = OutboxStatus.Sent, ExternalMessageId = sentNow.ExternalMessageId }
                : await outbox.GetAsync(edit.TargetOutboxId, cancellationToken) is { } stored ? new { stored.Status, stored.ExternalMessageId } : null;
            switch (target)
            {
                case { Status: OutboxStatus.Sent, ExternalMessageId: { } external }:
                    editTarget = external;
                    break;
                case { Status: OutboxStatus.Pending }:
                    var soon = Time.GetUtcNow() + TimeSpan.FromSeconds(1);
                    await outbox.RetryLaterAsync(message.Id, soon, "The message to edit is not sent yet.", countAttempt: false, cancellationToken);
                    return soon;
                case var _ when edit.SendIfGone:
                    body = edit.AsNewMessage();
                    break;
                default:
                    await outbox.MarkFailedAsync(message.Id, OutboxStatus.Rejected, "The message to edit was never sent.", cancellationToken);
                    return null;
            }
        }

        // Acknowledging a press is not a chat message: it takes no chat slot.
        var cost = Math.Max(1, sender.CostOf(message.Chat, body));
        if (body is not CallbackAnswer && await WaitForSlotAsync(message, sender, cost, cancellationToken) is { } later)
        {
            await outbox.RetryLaterAsync(message.Id, later, null, countAttempt: false, cancellationToken);
            return later;
        }

        StageTrace.Mark("sending", message.Chat.Id);
        var result = await SendSafelyAsync(sender, message, body, editTarget, cancellationToken);
        StageTrace.Mark("sent", message.Chat.Id);
        if (result is SendSucceeded && body is not CallbackAnswer)
        {
            pacer.Settled(message, sender.Limits, Time.GetUtcNow(), cost);
        }

        return await SettleAsync(message, result, cancellationToken);
    }

    /// <summary>
    /// Takes a send slot only once it has come, waiting up to <see cref="WaitHorizon"/>: a worker that wakes late
    /// then waits again instead of sending its missed slots in a burst. Returns when to try again if it must wait longer.
    /// </summary>
    private async Task<DateTimeOffset?> WaitForSlotAsync(OutboxMessage message, IChannelSender sender, int cost, CancellationToken cancellationToken)
    {
        var giveUpAt = Time.GetUtcNow() + WaitHorizon;
        while (true)
        {
            var now = Time.GetUtcNow();
            var (reserved, at) = pacer.Reserve(message, sender.Limits, now, TimeSpan.Zero, cost);
            if (reserved)
            {
                return null;
            }

            if (at > giveUpAt)
            {
                return at;
            }

            await Task.Delay(at - now, Time, cancellationToken);
        }
    }

    private async Task<SendResult> SendSafelyAsync(IChannelSender sender, OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        try
        {
            return await sender.SendAsync(message, body, editTarget, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Sender for {Channel} failed on message {OutboxId}", sender.Channel, message.Id);
            return new SendFailedTransiently(ex.GetType().Name);
        }
    }

    private async Task<DateTimeOffset?> SettleAsync(OutboxMessage message, SendResult result, CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        switch (result)
        {
            case SendSucceeded sent:
                if (marks is not null)
                {
                    await marks.AddAsync(new SentMark(message.Id, sent.ExternalMessageId, now), cancellationToken);
                }
                else
                {
                    await outbox.MarkSentAsync(message.Id, sent.ExternalMessageId, now, cancellationToken);
                }

                return null;
            case SendThrottled throttled:
                var until = now + throttled.RetryAfter;
                logger.LogInformation("Chat {Chat} throttled by the channel for {RetryAfter}", message.Chat.Key, throttled.RetryAfter);
                await outbox.RetryLaterAsync(message.Id, until, throttled.Reason, countAttempt: false, cancellationToken);
                return until;
            case SendFailedTransiently failed when message.Attempts + 1 >= _options.MaxSendAttempts:
                logger.LogWarning("Message {OutboxId} given up after {Attempts} attempts: {Reason}", message.Id, message.Attempts + 1, failed.Reason);
                await outbox.MarkFailedAsync(message.Id, OutboxStatus.Rejected, $"Gave up after {message.Attempts + 1} attempts: {failed.Reason}", cancellationToken);
                return null;
            case SendFailedTransiently failed:
                var retryAt = now + Backoff(message.Attempts);
                await outbox.RetryLaterAsync(message.Id, retryAt, failed.Reason, countAttempt: true, cancellationToken);
                return retryAt;
            case SendChatUnreachable unreachable:
                logger.LogWarning("Chat {Chat} is unreachable: {Reason}", message.Chat.Key, unreachable.Reason);
                await outbox.MarkFailedAsync(message.Id, OutboxStatus.Unreachable, unreachable.Reason, cancellationToken);
                await MarkChatUnreachableAsync(message.Chat, now, cancellationToken);
                return null;
            case SendRejected rejected:
                logger.LogWarning("Message {OutboxId} refused by the channel: {Reason}", message.Id, rejected.Reason);
                await outbox.MarkFailedAsync(message.Id, OutboxStatus.Rejected, rejected.Reason, cancellationToken);
                return null;
            default:
                throw new InvalidOperationException($"Unknown send result {result.GetType().Name}.");
        }
    }

    private async Task MarkChatUnreachableAsync(ChatRef chat, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await chats.GetAsync(chat.Channel, chat.Id, cancellationToken);
        await chats.UpsertAsync(
            (existing ?? new ChatRecord { Channel = chat.Channel, ChatId = chat.Id, Kind = chat.Kind, Title = chat.Title, UpdatedAt = now })
                with { Unreachable = true, UpdatedAt = now },
            cancellationToken);
    }

    /// <summary>A message to send, and whether it came from the store's claim or straight from memory.</summary>
    private readonly record struct Turn(OutboxMessage Message, bool FromStore);

    /// <summary>1 s, 2 s, 4 s … up to 5 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromSeconds(Math.Min(300, Math.Pow(2, Math.Min(attempts, 16))));
}
