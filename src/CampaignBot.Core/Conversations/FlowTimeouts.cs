namespace CampaignBot.Core.Conversations;

/// <summary>
/// A flow left unanswered ends after <see cref="After"/>: each prompt (re)schedules one job per conversation,
/// which, when due, puts a <see cref="TimerElapsed"/> into the conversation's inbox so it is handled in order.
/// </summary>
public sealed class FlowTimeouts(TimeSpan after)
{
    public const string JobKind = "flow-timeout";

    public TimeSpan After { get; } = after;

    public static string JobIdFor(string sessionKey) => $"{JobKind}:{sessionKey}";

    public ScheduledJob JobFor(Inbound update, string promptToken, DateTimeOffset now) => new()
    {
        Id = JobIdFor(update.ConversationKey),
        Kind = JobKind,
        Payload = MessageJson.Serialize(new FlowTimeoutPayload(update.Chat, update.Sender, promptToken)),
        DueAt = now + After,
    };
}

public sealed record FlowTimeoutPayload(ChatRef Chat, UserRef User, string PromptToken);
