namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Delivers flow timeouts: every <see cref="PipelineOptions.FlowTimeoutSweep"/> it reads the sessions whose prompt is
/// due (an indexed query on the session's timeout instant) and puts one <see cref="TimerElapsed"/> per session into
/// the inbox. The inbox keys it by session and due instant, so a timeout swept twice (the next sweep before the
/// dispatcher took it, two instances, a restart) is stored once; handling it clears or moves the instant, which
/// takes the session out of the sweep.
/// </summary>
public sealed class FlowTimeoutSweeper(
    ISessionStore sessions,
    IInboundSink inbox,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<FlowTimeoutSweeper> logger) : PollingWorker(new WorkSignal(), options.Value.FlowTimeoutSweep, time, logger)
{
    /// <summary>Sessions delivered per read; a longer backlog is taken over the following sweeps.</summary>
    public const int BatchSize = 500;

    /// <summary>Delivers what is due now; returns 0 so the worker waits for its next sweep.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        await SweepAsync(cancellationToken) == BatchSize ? 1 : 0;

    /// <summary>Delivers what is due now; returns how many sessions were due.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var due = await sessions.DueTimeoutsAsync(Time.GetUtcNow(), BatchSize, cancellationToken);
        if (due.Count > 0)
        {
            var updates = new Inbound[due.Count];
            for (var i = 0; i < due.Count; i++)
            {
                updates[i] = FlowTimeouts.Elapsed(due[i]);
            }

            await inbox.AcceptManyAsync(updates, cancellationToken);
        }

        return due.Count;
    }
}
