namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Coalesces concurrent calls into one round trip (group commit): while one batch is at the server the next calls
/// queue, and the next batch takes them all. A lone call goes at once, so nothing waits on a timer.
/// </summary>
internal sealed class Batcher<TItem, TResult>(Func<IReadOnlyList<TItem>, CancellationToken, Task<IReadOnlyList<TResult>>> run, int maxBatch = 500)
{
    private readonly Lock _gate = new();
    private readonly List<(TItem Item, TaskCompletionSource<TResult> Done)> _queue = [];
    private bool _draining;

    /// <summary>
    /// Queues <paramref name="item"/> for the next batch. Cancelling stops the wait, not a batch already queued:
    /// the item is written or read all the same, which every caller here tolerates (writes are idempotent).
    /// </summary>
    public Task<TResult> RunAsync(TItem item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_gate)
        {
            _queue.Add((item, done));
            start = !_draining;
            _draining = true;
        }

        if (start)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<(TItem Item, TaskCompletionSource<TResult> Done)> batch;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                var count = Math.Min(_queue.Count, maxBatch);
                batch = _queue.GetRange(0, count);
                _queue.RemoveRange(0, count);
            }

            try
            {
                var results = await run([.. batch.Select(b => b.Item)], CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception ex)
            {
                // The batch failed as a whole: every caller in it sees why.
                foreach (var (_, done) in batch)
                {
                    done.TrySetException(ex);
                }
            }
        }
    }
}
