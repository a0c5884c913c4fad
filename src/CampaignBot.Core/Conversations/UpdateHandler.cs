namespace CampaignBot.Core.Conversations;

/// <summary>
/// Handles one update exactly once in effect: load the session, skip an update it has already applied,
/// route it, save the new state together with its effects (optimistic concurrency, retry on conflict),
/// then store the effects. Effects carry ids derived from the update, so applying them twice stores them once.
/// </summary>
public sealed class UpdateHandler(
    ISessionStore sessions,
    IMemberStore members,
    EffectApplier effects,
    ConversationRouter router,
    CampaignDefinition campaign,
    TimeProvider time,
    ILogger<UpdateHandler> logger,
    IUpdateCommitStore? commits = null,
    OutboxHandoff? handoff = null,
    CampaignCalendar? calendar = null,
    IOptions<Scheduling.QuietHours>? quiet = null)
{
    public const int MaxConflictRetries = 8;

    /// <summary>Raised with an update's outbox messages once they are committed (the sender takes them from memory).</summary>
    public event Action<IReadOnlyList<OutboxMessage>>? Committed;

    public Task HandleAsync(Inbound update, CancellationToken cancellationToken) => HandleAsync(update, null, cancellationToken);

    /// <summary>
    /// Handles the update taken from inbox item <paramref name="inboxId"/>; true when the item's "handled" mark was
    /// committed with the update (one transaction), false when the caller still marks it.
    /// </summary>
    public async Task<bool> HandleAsync(Inbound update, string? inboxId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 1; attempt <= MaxConflictRetries; attempt++)
        {
            var session = await sessions.GetAsync(update.ConversationKey, cancellationToken)
                ?? new Session { Key = update.ConversationKey };

            if (session.RecentUpdates.Contains(update.UpdateId))
            {
                // Applied before; the process may have died before storing the effects, so store them (again).
                if (SessionEffects.FromJson(session.PendingEffects) is { } earlier && earlier.UpdateId == update.UpdateId)
                {
                    await ApplyAsync(earlier, cancellationToken);
                }

                return false;
            }

            StageTrace.Mark("session-read", update.ConversationKey);
            var now = time.GetUtcNow();
            var member = await members.GetAsync(Member.IdFor(update.Chat.Channel, update.Sender.Id), cancellationToken);
            var context = new FlowContext(update, session, member, campaign, now);
            var prompt = PromptMessages.Current(session);
            StageTrace.Mark("member-read", update.ConversationKey);
            await router.RouteAsync(context, cancellationToken);
            StageTrace.Mark("routed", update.ConversationKey);

            var effects = CollectEffects(update, context, now, SendAt(update, now), prompt);
            if (handoff is not null)
            {
                // Leased to this instance in the same write, so the worker can take them from memory once committed.
                effects = effects with { Messages = handoff.Lease(effects.Messages, now) };
            }

            session.RememberUpdate(update.UpdateId);
            // Written in one transaction with the session, the effects need no copy in it for a replay.
            session.PendingEffects = commits is { Atomic: true } ? null : effects.ToJson();
            session.UpdatedAt = now;
            if (commits is not null)
            {
                // One transaction: the session, its effects and the inbox mark are written together or not at all.
                if (await commits.TryCommitAsync(new UpdateCommit(session, effects.Messages, effects.Jobs, effects.CancelledJobs, inboxId), cancellationToken))
                {
                    Committed?.Invoke(effects.Messages);
                    handoff?.Offer(effects.Messages);
                    return inboxId is not null;
                }
            }
            else if (await sessions.TrySaveAsync(session, cancellationToken))
            {
                await ApplyAsync(effects, cancellationToken);
                Committed?.Invoke(effects.Messages);
                handoff?.Offer(effects.Messages);
                return false;
            }

            logger.LogInformation("Session {SessionKey} changed while update {UpdateId} was handled; retrying ({Attempt})", update.ConversationKey, update.UpdateId, attempt);
        }

        throw new InvalidOperationException($"Session {update.ConversationKey} kept changing; update {update.UpdateId} was not applied after {MaxConflictRetries} attempts.");
    }

    /// <summary>
    /// When what the update causes goes out: at once, except for a flow's timeout (nobody is waiting for its notice),
    /// which in the quiet hours (a timeout swept after a night's downtime) waits for their end.
    /// </summary>
    private DateTimeOffset SendAt(Inbound update, DateTimeOffset now) =>
        update.Content is TimerElapsed && calendar is not null && quiet is not null ? quiet.Value.NotIn(now, calendar) : now;

    private SessionEffects CollectEffects(Inbound update, FlowContext context, DateTimeOffset now, DateTimeOffset sendAt, string? prompt)
    {
        var replies = PromptMessages.EditInPlace(update, context, prompt);
        if (update.Content is ButtonPress { CallbackId: { } callbackId })
        {
            // Every press is answered, so the client stops its spinner; a refused press says why.
            replies.Insert(0, new CallbackAnswer(callbackId, context.PressNotice, context.PressNotice is null ? context.PressChoice : null));
        }

        var prefix = $"{update.Chat.Channel}:{update.UpdateId}";
        replies = [.. replies.Select(reply => ReadBySender(update, context.Language, update.Chat, reply))];
        var messages = replies
            .Select((reply, index) => OutboxMessage.Create($"{prefix}#{index:D2}", update.Chat, reply, now) with { NextAttemptAt = sendAt })
            .ToList();
        PromptMessages.Remember(context, messages, replies);
        messages = messages
            .Concat(context.Notifications.Select((note, index) => OutboxMessage.Create($"{prefix}#n{index:D2}", note.Chat, ReadBySender(update, context.Language, note.Chat, note.Message), now) with { NextAttemptAt = NoticeAt(update, note.Chat, now, null, urgent: false) }))
            .Concat(context.KeyedNotifications.Select(note => OutboxMessage.Create(note.Key, note.Chat, ReadBySender(update, context.Language, note.Chat, note.Message), now) with { NextAttemptAt = NoticeAt(update, note.Chat, now, note.NotBefore, note.Urgent) }))
            .DistinctBy(message => message.Id, StringComparer.Ordinal)
            .ToList();
        return new SessionEffects(update.UpdateId, messages, context.Jobs, context.CancelledJobs);
    }

    /// <summary>
    /// When a notice the update causes goes out: one to another person's private chat (a reviewer told of a submission at
    /// 23:30) waits for the end of the quiet hours, unless it is urgent; the sender's own private chat and a group chat are
    /// read by someone looking at them, so they go at once. Never before the notice's own <paramref name="notBefore"/>.
    /// </summary>
    private DateTimeOffset NoticeAt(Inbound update, ChatRef chat, DateTimeOffset now, DateTimeOffset? notBefore, bool urgent)
    {
        var at = notBefore ?? now;
        if (urgent || calendar is null || quiet is null || chat.Kind != ChatKind.Private || IsSenders(update, chat))
        {
            return at;
        }

        var awake = quiet.Value.NotIn(now, calendar);
        return awake > at ? awake : at;
    }

    private static bool IsSenders(Inbound update, ChatRef chat) => chat.Channel == update.Chat.Channel && chat.Id == update.Sender.Id;

    /// <summary>A message to the sender's own private chat is read in the sender's language: the channel words its hints in it.</summary>
    private static Outbound ReadBySender(Inbound update, Language language, ChatRef chat, Outbound message) =>
        message.Reader is null && chat.Kind == ChatKind.Private && IsSenders(update, chat)
            ? message.For(language)
            : message;

    private Task ApplyAsync(SessionEffects saved, CancellationToken cancellationToken) =>
        effects.ApplyAsync(saved.Messages, [], saved.Jobs, saved.CancelledJobs, cancellationToken);
}
