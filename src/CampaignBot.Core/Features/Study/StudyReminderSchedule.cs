namespace CampaignBot.Core.Features.Study;

/// <summary>
/// Makes sure the reminder sweep exists as a durable job, at the top of every hour of the campaign's clock (each
/// member's reminder goes out at their hour, the digest on its weekday). An existing job keeps its due time, so a
/// restart does not move it and a sweep missed during downtime still fires once on start; only its rule is renewed.
/// </summary>
public sealed class StudyReminderSchedule(IJobStore jobs, Campaign.CampaignCalendar calendar, TimeProvider time) : IHostedService
{
    public static readonly Recurrence Sweep = Recurrence.Hourly;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        var existing = await jobs.GetAsync(StudyReminderJobHandler.JobId, cancellationToken);
        if (existing?.Recurrence == Sweep.ToString())
        {
            return;
        }

        var due = existing?.DueAt ?? Sweep.NextAfter(time.GetUtcNow(), calendar.Zone);
        await jobs.UpsertAsync(
            new ScheduledJob { Id = StudyReminderJobHandler.JobId, Kind = StudyReminderJobHandler.JobKind, Payload = "{}", DueAt = due, Recurrence = Sweep.ToString() },
            cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
