namespace CampaignBot.Core.Scheduling;

/// <summary>Turns a due flow timeout into an update of its conversation, so it is handled in order with the rest.</summary>
public sealed class FlowTimeoutJobHandler : IJobHandler
{
    public string Kind => FlowTimeouts.JobKind;

    public Task HandleAsync(JobContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var job = context.Job;
        var payload = MessageJson.Deserialize<FlowTimeoutPayload>(job.Payload);
        var update = new Inbound(
            $"timer:{job.Id}@{job.DueAt.UtcTicks}",
            long.MaxValue,
            payload.Chat,
            payload.User,
            new TimerElapsed("flow-timeout", payload.PromptToken),
            job.DueAt);
        context.Deliver(update);
        return Task.CompletedTask;
    }
}
