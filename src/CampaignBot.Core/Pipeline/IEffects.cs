namespace CampaignBot.Core.Pipeline;

/// <summary>
/// What a handler asks the world to do, collected rather than done: an update's <c>FlowContext</c> saves it with the
/// session, a job's <c>JobContext</c> with the job's firing record; the pipeline applies it afterwards. No feature
/// writes to the outbox itself.
/// </summary>
public interface IEffects
{
    DateTimeOffset Now { get; }

    /// <summary>
    /// Tells <paramref name="chat"/> something. With a <paramref name="key"/>, the key is the message's id: one event
    /// told by two causes (a command and a job), or twice, reaches each recipient once.
    /// </summary>
    void Notify(ChatRef chat, Outbound message, string? key);

    /// <summary>As <see cref="Notify(ChatRef, Outbound, string?)"/>, sent at <paramref name="notBefore"/> at the earliest (quiet hours).</summary>
    void Notify(ChatRef chat, Outbound message, string key, DateTimeOffset? notBefore);

    void Schedule(ScheduledJob job);

    void CancelJob(string id);
}

/// <summary>
/// A message with the id that makes it idempotent (see <see cref="IEffects.Notify"/>). An <paramref name="Urgent"/> one
/// to another person's private chat goes at once even in the quiet hours (see <c>FlowContext.NotifyNow</c>).
/// </summary>
public sealed record KeyedMessage(string Key, ChatRef Chat, Outbound Message, DateTimeOffset? NotBefore = null, bool Urgent = false);
