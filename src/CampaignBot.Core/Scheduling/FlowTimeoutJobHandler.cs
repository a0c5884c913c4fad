namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Turns a flow timeout job of an earlier build (one job per prompt, before timeouts moved into the session) into an
/// update of its conversation, so files written by those builds still time out; new prompts schedule no job.
/// </summary>
public sealed class FlowTimeoutJobHandler : ConversationJobHandler<FlowTimeoutPayload>
{
    public override string Kind => FlowTimeouts.JobKind;

    protected override string IdPrefix => "timer:";

    protected override (ChatRef Chat, UserRef User, InboundContent Content) UpdateFor(FlowTimeoutPayload payload, JobContext context)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (payload.Chat, payload.User, new TimerElapsed(FlowTimeouts.Reason, payload.PromptToken));
    }
}
