using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Logging;

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
    ILogger<UpdateHandler> logger)
{
    public const int MaxConflictRetries = 8;

    public async Task HandleAsync(Inbound update, CancellationToken cancellationToken)
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

                return;
            }

            var now = time.GetUtcNow();
            var member = await members.GetAsync(Member.IdFor(update.Chat.Channel, update.Sender.Id), cancellationToken);
            var context = new FlowContext(update, session, member, campaign, now);
            if (member is { DeactivatedAt: not null })
            {
                // A member who left (e.g. deleted from the WeCom address book) keeps their records but can no longer act;
                // in a group nothing is said about them.
                if (update.Chat.Kind == ChatKind.Private)
                {
                    context.Reply(RegistrationTexts.Deactivated);
                }
            }
            else
            {
                await router.RouteAsync(context, cancellationToken);
            }

            var effects = CollectEffects(update, context, now);
            session.RememberUpdate(update.UpdateId);
            session.PendingEffects = effects.ToJson();
            session.UpdatedAt = now;
            if (await sessions.TrySaveAsync(session, cancellationToken))
            {
                await ApplyAsync(effects, cancellationToken);
                return;
            }

            logger.LogInformation("Session {SessionKey} changed while update {UpdateId} was handled; retrying ({Attempt})", update.ConversationKey, update.UpdateId, attempt);
        }

        throw new InvalidOperationException($"Session {update.ConversationKey} kept changing; update {update.UpdateId} was not applied after {MaxConflictRetries} attempts.");
    }

    private static SessionEffects CollectEffects(Inbound update, FlowContext context, DateTimeOffset now)
    {
        var replies = context.Replies.ToList();
        if (update.Content is ButtonPress { CallbackId: { } callbackId })
        {
            // Every press is answered, so the client stops its spinner; a refused press says why.
            replies.Insert(0, new CallbackAnswer(callbackId, context.PressNotice, context.PressNotice is null ? context.PressChoice : null));
        }

        var prefix = $"{update.Chat.Channel}:{update.UpdateId}";
        var messages = replies
            .Select((reply, index) => OutboxMessage.Create($"{prefix}#{index:D2}", update.Chat, reply, now))
            .Concat(context.Notifications.Select((note, index) => OutboxMessage.Create($"{prefix}#n{index:D2}", note.Chat, note.Message, now)))
            .Concat(context.KeyedNotifications.Select(note => OutboxMessage.Create(note.Key, note.Chat, note.Message, now)))
            .DistinctBy(message => message.Id, StringComparer.Ordinal)
            .ToList();
        return new SessionEffects(update.UpdateId, messages, context.Jobs, context.CancelledJobs);
    }

    private Task ApplyAsync(SessionEffects saved, CancellationToken cancellationToken) =>
        effects.ApplyAsync(saved.Messages, [], saved.Jobs, saved.CancelledJobs, cancellationToken);
}
