namespace CampaignBot.Core.Pipeline;

/// <summary>Wakes a worker as soon as there is work, instead of waiting for its next poll.</summary>
public sealed class WorkSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    /// <summary>True when a wake-up is waiting to be taken.</summary>
    internal bool IsRaised => _signal.CurrentCount > 0;

    public void Raise()
    {
        try
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already raised: one wake-up is enough.
        }
    }

    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeoutSource.Token, cancellationToken);
        try
        {
            await _signal.WaitAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed.
        }
    }
}

/// <summary>The signals of the pipeline's workers.</summary>
public sealed class PipelineSignals
{
    public WorkSignal Inbox { get; } = new();

    public WorkSignal Outbox { get; } = new();

    public WorkSignal Jobs { get; } = new();
}
