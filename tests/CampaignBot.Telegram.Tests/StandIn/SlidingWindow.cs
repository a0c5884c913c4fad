namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>Counts accepted calls in a sliding window; says how long to wait when full.</summary>
internal sealed class SlidingWindow(int count, TimeSpan period)
{
    private readonly Queue<DateTimeOffset> _accepted = new();

    /// <summary>Null when the call fits (and is counted); otherwise the time until it would fit.</summary>
    public TimeSpan? TryTake(DateTimeOffset now, bool commit)
    {
        if (count <= 0)
        {
            return null;
        }

        while (_accepted.Count > 0 && now - _accepted.Peek() >= period)
        {
            _accepted.Dequeue();
        }

        if (_accepted.Count >= count)
        {
            return _accepted.Peek() + period - now;
        }

        if (commit)
        {
            _accepted.Enqueue(now);
        }

        return null;
    }
}
