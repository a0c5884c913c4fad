namespace CampaignBot.Core.Scheduling;

/// <summary>
/// What a job handler sees while one job fires, and what it produces: messages, updates for a conversation's inbox,
/// job changes. The <see cref="SchedulerWorker"/> saves them with the firing record in one write, then applies them.
/// </summary>
/// <param name="awake">The end of the quiet hours <paramref name="now"/> falls in, if it does (see <see cref="Awake"/>).</param>
public sealed class JobContext(ScheduledJob job, DateTimeOffset now, DateTimeOffset? awake = null) : IEffects
{
    private readonly List<KeyedMessage> _messages = [];
    private readonly List<Inbound> _updates = [];
    private readonly List<ScheduledJob> _jobs = [];
    private readonly List<string> _cancelledJobs = [];

    public ScheduledJob Job { get; } = job ?? throw new ArgumentNullException(nameof(job));

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// The earliest a person may be woken: <see cref="Now"/>, or the end of the quiet hours it falls in (Reminders:QuietStart
    /// and QuietEnd, on the campaign's clock), as the scheduler worked it out. A job's reminder to a person waits for it.
    /// </summary>
    public DateTimeOffset Awake { get; } = awake is { } at && at > now ? at : now;

    /// <summary>
    /// The occurrence this firing is about: its due time, or the latest one downtime passed over
    /// (<see cref="ScheduledJob.LatestDueAtOrBefore"/>), so after downtime only the latest week or month is sent.
    /// </summary>
    public DateTimeOffset Occurrence(TimeZoneInfo zone) => Job.LatestDueAtOrBefore(Now, zone);

    /// <summary>Names this firing (job and due time); ids of what it produces derive from it unless the caller keys them.</summary>
    public string FiringId => $"{Job.Id}@{Job.DueAt.UtcTicks}";

    public void Notify(ChatRef chat, Outbound message, string? key) => Notify(chat, message, key, null);

    /// <summary>Tells a chat something, not before <paramref name="notBefore"/> (quiet hours).</summary>
    public void Notify(ChatRef chat, Outbound message, string? key, DateTimeOffset? notBefore)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        _messages.Add(new KeyedMessage(key ?? $"job:{FiringId}#{_messages.Count:D4}", chat, message, notBefore));
    }

    /// <summary>Puts an update into a conversation's inbox (a check-in, a flow timeout), handled in order with the rest.</summary>
    public void Deliver(Inbound update)
    {
        ArgumentNullException.ThrowIfNull(update);
        _updates.Add(update);
    }

    public void Schedule(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        _jobs.Add(job);
    }

    public void CancelJob(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        _cancelledJobs.Add(id);
    }

    public JobEffects ToEffects()
    {
        var messages = _messages
            .DistinctBy(m => m.Key, StringComparer.Ordinal)
            .Select(m => OutboxMessage.Create(m.Key, m.Chat, m.Message, Now) with { NextAttemptAt = m.NotBefore is { } at && at > Now ? at : Now })
            .ToList();
        return new JobEffects(Job.Id, Job.DueAt, messages, [.. _updates], [.. _jobs], [.. _cancelledJobs]);
    }
}

/// <summary>What one firing of a job decided to do; saved in its firing record (see <see cref="JobFiring.Effects"/>).</summary>
public sealed record JobEffects(
    string JobId,
    DateTimeOffset DueAt,
    IReadOnlyList<OutboxMessage> Messages,
    IReadOnlyList<Inbound> Updates,
    IReadOnlyList<ScheduledJob> Jobs,
    IReadOnlyList<string> CancelledJobs)
{
    public static JobEffects None(ScheduledJob job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return new(job.Id, job.DueAt, [], [], [], []);
    }

    public string ToJson() => MessageJson.Serialize(this);

    public static JobEffects FromJson(string json) => MessageJson.Deserialize<JobEffects>(json);

    public Task ApplyAsync(EffectApplier applier, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(applier);
        return applier.ApplyAsync(Messages, Updates, Jobs, CancelledJobs, cancellationToken);
    }
}
