namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Per-key queues without batch barriers: one key's items are handled one at a time, in the order they were
/// added; different keys run in parallel, at most <c>parallelism</c> at once. An item added while its key is
/// busy waits behind it; nothing waits for a whole batch to finish.
/// </summary>
public sealed class KeyedWorkQueue<T>(int parallelism, Func<string, T, CancellationToken, Task> handle)
{
    private readonly Dictionary<string, Queue<(T Item, TaskCompletionSource Done)>> _queues = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(Math.Max(1, parallelism));
    private readonly WorkSignal _room = new();
    private int _inFlight;

    /// <summary>Items added and not yet handled.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Adds an item; the task completes once it is handled (the handler's own failure is its business).</summary>
    public Task Enqueue(string key, T item, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var start = false;
        lock (_queues)
        {
            if (!_queues.TryGetValue(key, out var queue))
            {
                queue = new Queue<(T, TaskCompletionSource)>();
                _queues[key] = queue;
                start = true;
            }

            queue.Enqueue((item, done));
        }

        Interlocked.Increment(ref _inFlight);
        if (start)
        {
            _ = RunKeyAsync(key, cancellationToken);
        }

        return done.Task;
    }

    /// <summary>Waits until fewer than <paramref name="max"/> items are in flight (or the timeout passes).</summary>
    public async Task WaitForRoomAsync(int max, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        while (InFlight >= max && !cancellationToken.IsCancellationRequested)
        {
            await _room.WaitAsync(timeout, time, cancellationToken);
        }
    }

    private async Task RunKeyAsync(string key, CancellationToken cancellationToken)
    {
        var haveSlot = false;
        try
        {
            await _slots.WaitAsync(cancellationToken);
            haveSlot = true;
            while (true)
            {
                (T Item, TaskCompletionSource Done) next;
                lock (_queues)
                {
                    var queue = _queues[key];
                    if (queue.Count == 0)
                    {
                        _queues.Remove(key);
                        return;
                    }

                    next = queue.Dequeue();
                }

                try
                {
                    await handle(key, next.Item, cancellationToken);
                    next.Done.TrySetResult();
                }
#pragma warning disable CA1031 // The queue goes on; the failure goes to whoever waits for the item.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    next.Done.TrySetException(ex);
                }
                finally
                {
                    Interlocked.Decrement(ref _inFlight);
                    _room.Raise();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping: what is left in the key's queue stays leased in the store and is claimed again later.
            lock (_queues)
            {
                if (_queues.Remove(key, out var queue))
                {
                    foreach (var (_, done) in queue)
                    {
                        Interlocked.Decrement(ref _inFlight);
                        done.TrySetCanceled(cancellationToken);
                    }
                }
            }
        }
        finally
        {
            if (haveSlot)
            {
                _slots.Release();
            }
        }
    }
}
