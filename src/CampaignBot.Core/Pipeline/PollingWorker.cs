namespace CampaignBot.Core.Pipeline;

/// <summary>
/// A worker that does what is due, then waits for its signal or its poll interval. It never dies from one
/// failure: the error is logged, it waits, it goes on. Tests call <see cref="RunOnceAsync"/> directly.
/// </summary>
public abstract class PollingWorker(WorkSignal signal, TimeSpan pollInterval, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    /// <summary>Does what is due now; returns how much was done (0 makes the worker wait).</summary>
    public abstract Task<int> RunOnceAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await RunOnceAsync(stoppingToken) > 0)
                {
                    continue;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "{Worker} failed; trying again in {Delay}", GetType().Name, pollInterval);
            }

            await signal.WaitAsync(pollInterval, Time, stoppingToken);
        }
    }
}
