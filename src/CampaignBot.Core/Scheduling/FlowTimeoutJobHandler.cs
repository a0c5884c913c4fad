namespace CampaignBot.Core.Scheduling;

/// <summary>Turns a due flow timeout into an update of its conversation, so it is handled in order with the rest.</summary>
public sealed class FlowTimeoutJobHandler : ConversationJobHandler<FlowTimeoutPayload>
{
    public override string Kind => FlowTimeouts.JobKind;

    protected override string IdPrefix => "timer:";

    protected override (ChatRef Chat, UserRef User, InboundContent Content) UpdateFor(FlowTimeoutPayload payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return (payload.Chat, payload.User, new TimerElapsed("flow-timeout", payload.PromptToken));
    }
}
