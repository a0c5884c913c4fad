namespace CampaignBot.Core.Features.Study;

/// <summary>
/// Makes sure the reminder sweep exists as a durable job, at the top of every hour of the campaign's clock (each
/// member's reminder goes out at their hour, the digest on its weekday). An existing job keeps its due time, so a
/// restart does not move it and a sweep missed during downtime still fires once on start; only its rule is renewed.
/// </summary>
public sealed class StudyReminderSchedule(IJobStore jobs, Campaign.CampaignCalendar calendar, TimeProvider time) : JobSeeder(jobs, time)
{
    public static readonly Recurrence Sweep = Recurrence.Hourly;

    protected override IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs =>
        [(StudyReminderJobHandler.JobId, now => Job(Sweep.NextAfter(now, calendar.Zone)))];

    protected override ScheduledJob Renew(ScheduledJob existing, DateTimeOffset now) =>
        existing.Recurrence == Sweep.ToString() ? existing : Job(existing.DueAt);

    private static ScheduledJob Job(DateTimeOffset due) =>
        ScheduledJob.Recurring(StudyReminderJobHandler.JobKind, due, Sweep.ToString());
}
