namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Fires due jobs. A lease shares the work between instances; the firing record, unique on (job, due time),
/// is what makes a job fire once even when two workers race or a lease runs out while its holder still works.
/// The handler's effects are inserted with that record in one write and applied after it; a worker that finds
/// a record with effects but no completion (its writer died in between) applies them again, which stores each
/// once because their ids derive from the firing. A recurring job fires once after downtime and moves to the
/// next due time after now, by its calendar rule in the campaign's time zone. A <see cref="ICampaignReminder"/> does
/// nothing outside the campaign's days, and a recurring one ends (is not moved on) once its next occurrence would be
/// after the campaign's last day.
/// </summary>
public sealed class SchedulerWorker(
    IJobStore jobs,
    IEnumerable<IJobHandler> handlers,
    EffectApplier effects,
    Campaign.CampaignCalendar calendar,
    IOptions<QuietHours> quiet,
    PipelineSignals signals,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<SchedulerWorker> logger) : PollingWorker(signals.Jobs, options.Value.PollInterval, time, logger)
{
    private const int BatchSize = 100;
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);
    private readonly PipelineOptions _options = options.Value;

    /// <summary>Fires what is due now; returns how many jobs this worker fired.</summary>
    public override async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var fired = 0;
        foreach (var job in await jobs.DueAsync(now, BatchSize, cancellationToken))
        {
            if (await FireAsync(job, now, cancellationToken))
            {
                fired++;
            }
        }

        if (fired > 0)
        {
            signals.Inbox.Raise();
            signals.Outbox.Raise();
        }

        return fired;
    }

    private async Task<bool> FireAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!await jobs.TryLeaseAsync(job.Id, job.DueAt, _options.InstanceId, now, _options.Lease, cancellationToken))
        {
            return false;
        }

        var earlier = await jobs.GetFiringAsync(job.Id, job.DueAt, cancellationToken);
        if (earlier is { CompletedAt: not null })
        {
            // Fired and done; only moving the job on was lost.
            await CompleteAsync(job, now, cancellationToken);
            return false;
        }

        if (earlier is { Effects: { } saved })
        {
            logger.LogWarning("Job {JobId} due {DueAt} fired on {Owner} and was not completed; applying its saved effects", job.Id, job.DueAt, earlier.Owner);
            await JobEffects.FromJson(saved).ApplyAsync(effects, cancellationToken);
            await CompleteAsync(job, now, cancellationToken);
            return true;
        }

        if (earlier is not null)
        {
            // Recorded without effects: started by a build that applied them as it went.
            if (earlier.FiredAt > now - (_options.Lease * 3))
            {
                return false;
            }

            logger.LogWarning("Job {JobId} due {DueAt} was started by {Owner} and never finished; taking it over", job.Id, job.DueAt, earlier.Owner);
        }

        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            logger.LogError("No handler for job kind {Kind}; job {JobId} is dropped", job.Kind, job.Id);
            await jobs.CompleteAsync(job.Id, job.DueAt, null, now, cancellationToken);
            return false;
        }

        var produced = await RunAsync(handler, job, now, cancellationToken);
        if (earlier is null
            && !await jobs.TryRecordFiringAsync(new JobFiring(job.Id, job.DueAt, _options.InstanceId, now, null) { Effects = produced.ToJson() }, cancellationToken))
        {
            // Another worker recorded this firing first; its effects are the ones that count.
            return false;
        }

        await produced.ApplyAsync(effects, cancellationToken);
        await CompleteAsync(job, now, cancellationToken);
        return true;
    }

    private async Task<JobEffects> RunAsync(IJobHandler handler, ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var context = new JobContext(job, now, quiet.Value.NotIn(now, calendar));
        if (handler is ICampaignReminder && !calendar.IsCampaignDay(calendar.Today(context.Awake)))
        {
            // Nobody is reminded or asked before the campaign's start or after its end; a recurring job moves on.
            return JobEffects.None(job);
        }

        try
        {
            await handler.HandleAsync(context, cancellationToken);
            return context.ToEffects();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            logger.LogError(ex, "Job {JobId} ({Kind}) failed; it is not retried for this due time", job.Id, job.Kind);
            return JobEffects.None(job);
        }
    }

    private Task CompleteAsync(ScheduledJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? next;
        try
        {
            next = job.NextDueAfter(now, calendar.Zone);
        }
        catch (FormatException ex)
        {
            logger.LogError(ex, "Job {JobId} has an unreadable recurrence; it does not recur", job.Id);
            next = null;
        }

        if (next is { } due && _handlers.GetValueOrDefault(job.Kind) is ICampaignReminder && calendar.IsAfterCampaign(calendar.Today(quiet.Value.NotIn(due, calendar))))
        {
            // Its next occurrence would only be skipped, and every one after it: the job is done, as a one-off is.
            logger.LogInformation("Job {JobId} ({Kind}) ends with the campaign: its next occurrence is after the last day", job.Id, job.Kind);
            next = null;
        }

        return jobs.CompleteAsync(job.Id, job.DueAt, next, Time.GetUtcNow(), cancellationToken);
    }
}
