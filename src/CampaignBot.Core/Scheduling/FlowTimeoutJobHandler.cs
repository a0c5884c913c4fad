using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Scheduling;

/// <summary>Turns a due flow timeout into an update of its conversation, so it is handled in order with the rest.</summary>
public sealed class FlowTimeoutJobHandler(IInboundSink inbox) : IJobHandler
{
    public string Kind => FlowTimeouts.JobKind;

    public async Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        var payload = MessageJson.Deserialize<FlowTimeoutPayload>(job.Payload);
        var update = new Inbound(
            $"timer:{job.Id}@{job.DueAt.UtcTicks}",
            long.MaxValue,
            payload.Chat,
            payload.User,
            new TimerElapsed("flow-timeout", payload.PromptToken),
            job.DueAt);
        await inbox.AcceptAsync(update, cancellationToken);
    }
}
