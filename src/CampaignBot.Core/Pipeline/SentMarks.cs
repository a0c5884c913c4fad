namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Gathers the outbox's "sent" marks for <see cref="PipelineOptions.SentMarkWindow"/> (20 ms) and writes them in one
/// store call (one unit of the SQLite writer, one bulk write on MongoDB) instead of one write per message. A mark
/// lost before its write (the process killed inside the window) leaves the message pending under its lease: once
/// the lease runs out it is claimed and sent again, as after a crash between a send and its mark, and marked once.
/// Until a mark is written, <see cref="Pending"/> gives it to the sender (an edit needs the sent message's id).
/// </summary>
public sealed class SentMarks(IOutboxStore outbox, IOptions<PipelineOptions> options, ILogger<SentMarks> logger)
{
    private readonly TimeSpan _window = options.Value.SentMarkWindow;
    private readonly Lock _lock = new();
    private Dictionary<string, SentMark> _gathering = new(StringComparer.Ordinal);
    private Dictionary<string, SentMark>? _writing;
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private bool _flushScheduled;

    /// <summary>Records the mark; it is written with the others of its window. With no window it is written now.</summary>
    public Task AddAsync(SentMark mark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mark);
        if (_window <= TimeSpan.Zero)
        {
            return outbox.MarkSentAsync(mark.Id, mark.ExternalMessageId, mark.SentAt, cancellationToken);
        }

        bool schedule;
        lock (_lock)
        {
            _gathering[mark.Id] = mark;
            schedule = !_flushScheduled;
            _flushScheduled = true;
        }

        if (schedule)
        {
            _ = FlushLaterAsync();
        }

        return Task.CompletedTask;
    }

    /// <summary>The mark of a message sent but not yet marked in the store, if any.</summary>
    public SentMark? Pending(string id)
    {
        lock (_lock)
        {
            return _gathering.GetValueOrDefault(id) ?? _writing?.GetValueOrDefault(id);
        }
    }

    /// <summary>Writes what has gathered now, after any write under way (the worker's stop and its tests call it); returns how many marks were written.</summary>
    public async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        Dictionary<string, SentMark> batch;
        try
        {
            lock (_lock)
            {
                _flushScheduled = false;
                if (_gathering.Count == 0)
                {
                    return 0;
                }

                batch = _gathering;
                _writing = batch;
                _gathering = new(StringComparer.Ordinal);
            }

            await outbox.MarkSentManyAsync([.. batch.Values], cancellationToken).ConfigureAwait(false);
            return batch.Count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The messages stay pending under their lease and are sent again once it runs out.
            logger.LogWarning(ex, "Writing sent marks failed; those messages will be sent again after their lease");
            return 0;
        }
        finally
        {
            lock (_lock)
            {
                _writing = null;
            }

            _flushing.Release();
        }
    }

    private async Task FlushLaterAsync()
    {
        // Real time, not the campaign's clock: the window batches writes and has no meaning in the domain.
        await Task.Delay(_window).ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
