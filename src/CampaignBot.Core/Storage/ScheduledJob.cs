namespace CampaignBot.Core.Storage;

/// <summary>
/// A durable job: a reminder, a round closing, a session timeout. One job per <see cref="Id"/>;
/// re-scheduling replaces its due time. A job with an <see cref="Interval"/> recurs.
/// </summary>
public sealed record ScheduledJob
{
    public required string Id { get; init; }

    /// <summary>Selects the handler ("session-timeout", "reminder", …).</summary>
    public required string Kind { get; init; }

    public required string Payload { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public TimeSpan? Interval { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>
    /// The next due time after <paramref name="now"/> on this job's grid: after downtime a recurring job
    /// fires once and moves on, not once per missed tick.
    /// </summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now)
    {
        if (Interval is not { } step || step <= TimeSpan.Zero)
        {
            return null;
        }

        var missed = (now - DueAt).Ticks / step.Ticks;
        var next = DueAt + TimeSpan.FromTicks(step.Ticks * (Math.Max(missed, 0) + 1));
        return next > now ? next : next + step;
    }
}

/// <summary>The record that a job fired for one due time; unique on (job, due time), which is what makes firing exactly once.</summary>
public sealed record JobFiring(string JobId, DateTimeOffset DueAt, string Owner, DateTimeOffset FiredAt, DateTimeOffset? CompletedAt);
