using System.Collections.Concurrent;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;

namespace CampaignBot.Telegram.Tests.Support;

/// <summary>An inbox stand-in: keeps updates once by id, and can fail or hold chosen calls.</summary>
public sealed class RecordingSink : IInboundSink
{
    private readonly ConcurrentDictionary<string, Inbound> _stored = new();
    private readonly ConcurrentQueue<string> _accepted = new();
    private readonly TaskCompletionSource _firstCall = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _calls;

    /// <summary>Completes when the first update reaches the sink (before any gate).</summary>
    public Task FirstCall => _firstCall.Task;

    /// <summary>Calls (1-based) that throw, once each.</summary>
    public ConcurrentDictionary<int, bool> FailOnCall { get; } = new();

    /// <summary>When set, every call waits for it before storing.</summary>
    public TaskCompletionSource? Gate { get; set; }

    public IReadOnlyCollection<Inbound> Stored => [.. _stored.Values.OrderBy(i => i.Sequence)];

    /// <summary>Every accepted update id, redeliveries included.</summary>
    public IReadOnlyList<string> Accepted => [.. _accepted];

    public event Action? Changed;

    public async Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var call = Interlocked.Increment(ref _calls);
        _firstCall.TrySetResult();
        if (FailOnCall.TryRemove(call, out _))
        {
            throw new InvalidOperationException($"inbox unavailable on call {call}");
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        var added = _stored.TryAdd(update.UpdateId, update);
        _accepted.Enqueue(update.UpdateId);
        Changed?.Invoke();
        return added;
    }

    /// <summary>Completes once <paramref name="count"/> distinct updates are stored.</summary>
    public async Task WaitForStoredAsync(int count, TimeSpan timeout)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Check()
        {
            if (_stored.Count >= count)
            {
                done.TrySetResult();
            }
        }

        Changed += Check;
        try
        {
            Check();
            await done.Task.WaitAsync(timeout);
        }
        finally
        {
            Changed -= Check;
        }
    }
}
