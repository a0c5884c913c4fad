namespace CampaignBot.Core.Scheduling;

/// <summary>
/// A job that, when due, becomes an update of one conversation (a flow's timeout, a monthly check-in), so it is handled
/// in order with the rest. Its JSON payload of <typeparamref name="TPayload"/> names the conversation; the update's id
/// is derived from the firing, so a firing applied twice delivers it once.
/// </summary>
public abstract class ConversationJobHandler<TPayload> : IJobHandler
{
    public abstract string Kind { get; }

    /// <summary>What the update's id starts with, before the firing's job id and due time.</summary>
    protected virtual string IdPrefix => string.Empty;

    public async Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var payload = MessageJson.Deserialize<TPayload>(context.Job.Payload);
        if (!await DeliversAsync(payload, context, cancellationToken))
        {
            return;
        }

        var (chat, user, content) = UpdateFor(payload, context);
        context.Deliver(new Inbound(IdPrefix + context.FiringId, long.MaxValue, chat, user, content, context.Job.DueAt));
    }

    /// <summary>Whether this firing becomes an update; a handler may say no (nobody to ask any more) or put it off through the context.</summary>
    protected virtual Task<bool> DeliversAsync(TPayload payload, JobContext context, CancellationToken cancellationToken) => Task.FromResult(true);

    /// <summary>The conversation the update goes to and what it says.</summary>
    protected abstract (ChatRef Chat, UserRef User, InboundContent Content) UpdateFor(TPayload payload, JobContext context);
}
