namespace CampaignBot.Core.Conversations;

/// <summary>
/// A flow left unanswered ends after <see cref="After"/>. Each prompt sets the session's
/// <see cref="Session.TimeoutAt"/> (saved with the session in the update's own write, next to its prompt token);
/// the <see cref="Pipeline.FlowTimeoutSweeper"/> finds due sessions on an index and puts a <see cref="TimerElapsed"/>
/// into the conversation's inbox, so it is handled in order with the rest.
/// </summary>
public sealed class FlowTimeouts(TimeSpan after)
{
    /// <summary>The reason of the <see cref="TimerElapsed"/> a flow timeout delivers.</summary>
    public const string Reason = "flow-timeout";

    /// <summary>The kind of the scheduler jobs earlier builds kept one of per prompt; those still stored still fire.</summary>
    public const string JobKind = "flow-timeout";

    public TimeSpan After { get; } = after;

    /// <summary>The current prompt of <paramref name="session"/> times out <see cref="After"/> from now, addressed to this update's chat and sender.</summary>
    public void Arm(Session session, Inbound update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(update);
        session.TimeoutAt = now + After;
        if (session.TimeoutTo is null || !session.TimeoutTo.Matches(update))
        {
            session.TimeoutTo = new FlowTimeoutTarget(update.Chat, update.Sender);
        }
    }

    /// <summary>
    /// The update a due timeout puts into the inbox. Its id names the session and the due instant, so delivering
    /// the same timeout again (a second sweep, another instance, a restart) stores it once.
    /// </summary>
    public static Inbound Elapsed(DueFlowTimeout due)
    {
        ArgumentNullException.ThrowIfNull(due);
        return new Inbound(
            $"timer:{JobKind}:{due.SessionKey}@{due.DueAt.UtcTicks}",
            long.MaxValue,
            due.To.Chat,
            due.To.User,
            new TimerElapsed(Reason, due.PromptToken),
            due.DueAt);
    }
}

/// <summary>What flow timeout jobs of earlier builds carry.</summary>
public sealed record FlowTimeoutPayload(ChatRef Chat, UserRef User, string PromptToken);
