using CampaignBot.Core.Storage;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Core.Features.Study;

/// <summary>
/// Makes sure the hourly reminder sweep exists as a durable job. An existing job is left alone, so a restart
/// does not move it and a sweep missed during downtime still fires once on start.
/// </summary>
public sealed class StudyReminderSchedule(IJobStore jobs, TimeProvider time) : IHostedService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        if (await jobs.GetAsync(StudyReminderJobHandler.JobId, cancellationToken) is not null)
        {
            return;
        }

        var now = time.GetUtcNow();
        var nextHour = new DateTimeOffset(now.UtcDateTime.Date.AddHours(now.UtcDateTime.Hour), TimeSpan.Zero).AddHours(1);
        await jobs.UpsertAsync(
            new ScheduledJob { Id = StudyReminderJobHandler.JobId, Kind = StudyReminderJobHandler.JobKind, Payload = "{}", DueAt = nextHour, Interval = Interval },
            cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
