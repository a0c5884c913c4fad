namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Turns a flow timeout job of an earlier build (one job per prompt, before timeouts moved into the session) into an
/// update of its conversation, so files written by those builds still time out; new prompts schedule no job.
/// </summary>
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
            new TimerElapsed(FlowTimeouts.Reason, payload.PromptToken),
            job.DueAt);
        context.Deliver(update);
        return Task.CompletedTask;
    }
}
