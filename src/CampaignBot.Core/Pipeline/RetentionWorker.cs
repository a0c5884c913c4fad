namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Keeps the message path's tables from growing without end: once an hour, handled inbox items and sent private
/// messages older than <see cref="PipelineOptions.Retention"/> are deleted. Ballots and campaign records are
/// never touched.
/// </summary>
public sealed class RetentionWorker(
    IInboxStore inbox,
    IOutboxStore outbox,
    IOptions<PipelineOptions> options,
    TimeProvider time,
    ILogger<RetentionWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromHours(1);

    /// <summary>Prunes once; returns how many inbox items and outbox messages went.</summary>
    public async Task<(long Inbox, long Outbox)> RunOnceAsync(CancellationToken cancellationToken)
    {
        var before = time.GetUtcNow() - options.Value.Retention;
        var handled = await inbox.PruneHandledAsync(before, cancellationToken);
        var sent = await outbox.PruneSentAsync(before, cancellationToken);
        if (handled + sent > 0)
        {
            logger.LogInformation("Pruned {Inbox} handled updates and {Outbox} sent messages older than {Before}", handled, sent, before);
        }

        return (handled, sent);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "Pruning the inbox and outbox failed; trying again in {Period}", Period);
            }

            await Task.Delay(Period, time, stoppingToken);
        }
    }
}
