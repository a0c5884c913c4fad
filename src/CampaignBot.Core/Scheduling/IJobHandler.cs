using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Scheduling;

/// <summary>
/// Does the work of one kind of job. Whatever it produces must carry ids derived from the job and its due
/// time, so that a firing taken over after a crash stores its effects once.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(ScheduledJob job, CancellationToken cancellationToken);
}
