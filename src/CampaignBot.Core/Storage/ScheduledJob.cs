using Cronos;

namespace CampaignBot.Core.Storage;

/// <summary>
/// A durable job: a reminder, a round closing, a session timeout. One job per <see cref="Id"/>;
/// re-scheduling replaces its due time. A job with a <see cref="Recurrence"/> recurs.
/// </summary>
public sealed record ScheduledJob : LeasedRecord
{
    public required string Id { get; init; }

    /// <summary>Selects the handler ("session-timeout", "reminder", …).</summary>
    public required string Kind { get; init; }

    public required string Payload { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    /// <summary>How the job comes back (<see cref="Scheduling.Recurrence"/>'s stored form); null for a job that fires once.</summary>
    public string? Recurrence { get; init; }

    /// <summary>
    /// A feature's one recurring job of a kind (a daily sweep, a weekly digest): its id is its kind and it carries nothing,
    /// so however often it is made sure of, there is one.
    /// </summary>
    public static ScheduledJob Recurring(string kind, DateTimeOffset dueAt, string recurrence) =>
        new() { Id = kind, Kind = kind, Payload = "{}", DueAt = dueAt, Recurrence = recurrence };

    /// <summary>
    /// A feature's one recurring job on a cron expression from its settings, first due after <paramref name="after"/> in
    /// <paramref name="zone"/>; null when the expression never fires again.
    /// </summary>
    public static ScheduledJob? OnCron(string kind, string expression, DateTimeOffset after, TimeZoneInfo zone) =>
        CronExpression.Parse(expression).GetNextOccurrence(after, zone) is { } due ? Recurring(kind, due, "cron:" + expression) : null;

    /// <summary>
    /// The next due time after <paramref name="now"/> by the job's calendar rule in <paramref name="zone"/>: after
    /// downtime a recurring job fires once and moves on, not once per missed occurrence.
    /// </summary>
    public DateTimeOffset? NextDueAfter(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Recurrence is null)
        {
            return null;
        }

        var rule = Scheduling.Recurrence.Of(Recurrence, DueAt, zone);
        return rule.NextAfter(now > DueAt ? now : DueAt, zone);
    }

    /// <summary>
    /// The latest occurrence at or before <paramref name="now"/>: the due time itself, or a later one that downtime passed
    /// over. What a firing is about (this week's summary, this month's dispatch), so that after downtime only the latest
    /// slot is sent.
    /// </summary>
    public DateTimeOffset LatestDueAtOrBefore(DateTimeOffset now, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (Recurrence is null || now <= DueAt)
        {
            return DueAt;
        }

        var rule = Scheduling.Recurrence.Of(Recurrence, DueAt, zone);
        var latest = DueAt;
        for (var next = rule.NextAfter(latest, zone); next <= now; next = rule.NextAfter(latest, zone))
        {
            latest = next;
        }

        return latest;
    }
}

/// <summary>The record that a job fired for one due time; unique on (job, due time), which is what makes firing exactly once.</summary>
public sealed record JobFiring(string JobId, DateTimeOffset DueAt, string Owner, DateTimeOffset FiredAt, DateTimeOffset? CompletedAt)
{
    /// <summary>
    /// What the firing decided to do (messages, updates, jobs; <see cref="Scheduling.JobEffects"/> as JSON), written in the
    /// same insert as the record, so a crash before they are applied loses nothing: the next worker applies them.
    /// Dropped when the firing completes.
    /// </summary>
    public string? Effects { get; init; }
}
