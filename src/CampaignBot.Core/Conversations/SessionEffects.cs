namespace CampaignBot.Core.Conversations;

/// <summary>
/// What handling one update decided to do. Saved inside the session in the same write as its new state,
/// then applied (outbox, jobs); if the process dies in between, the redelivered update re-applies it.
/// </summary>
public sealed record SessionEffects(
    string UpdateId,
    IReadOnlyList<OutboxMessage> Messages,
    IReadOnlyList<ScheduledJob> Jobs,
    IReadOnlyList<string> CancelledJobs)
{
    public string ToJson() => MessageJson.Serialize(this);

    public static SessionEffects? FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? null : MessageJson.Deserialize<SessionEffects>(json);
}
