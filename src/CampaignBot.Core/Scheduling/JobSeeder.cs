namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Makes sure a feature's recurring jobs exist when the host starts. A missing job is written with its first firing;
/// one that exists keeps its due time (a restart does not move it, and a firing missed during downtime still comes
/// once), unless <see cref="Renew"/> says how today's rule changes it.
/// </summary>
public abstract class JobSeeder(IJobStore jobs, TimeProvider time) : IHostedService
{
    /// <summary>Each job's id and its first firing as of now; a null firing schedules nothing yet.</summary>
    protected abstract IEnumerable<(string Id, Func<DateTimeOffset, ScheduledJob?> First)> Jobs { get; }

    /// <summary>The stored job as today's rule keeps it; the job unchanged unless a seeder says otherwise.</summary>
    protected virtual ScheduledJob Renew(ScheduledJob existing, DateTimeOffset now) => existing;

    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var (id, first) in Jobs)
        {
            var now = time.GetUtcNow();
            var existing = await jobs.GetAsync(id, cancellationToken);
            var wanted = existing is null ? first(now) : Renew(existing, now);
            if (wanted is not null && wanted != existing)
            {
                await jobs.UpsertAsync(wanted, cancellationToken);
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => EnsureAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
