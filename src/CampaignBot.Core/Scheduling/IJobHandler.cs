namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Does the work of one kind of job. It writes nothing to the outbox or the scheduler itself: it tells the
/// <see cref="JobContext"/>, whose effects are saved with the firing record and applied once.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobContext context, CancellationToken cancellationToken);
}
