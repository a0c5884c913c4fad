using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Keeps each channel's pace: hands out send slots so that no more than the global rate, and no more than
/// one chat's rate, is used; a chat the channel throttled is held back until the time it named.
/// </summary>
public sealed class SendPacer
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _channelNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<DateTimeOffset>> _chatWindow = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserves the earliest slot for a message to <paramref name="chat"/>, if it is no later than
    /// <paramref name="now"/> + <paramref name="horizon"/>; otherwise reserves nothing and says when to try again.
    /// <paramref name="cost"/> is how many of the channel's messages it takes (a WeCom text plus its card: 2).
    /// </summary>
    public (bool Reserved, DateTimeOffset At) Reserve(ChatRef chat, ChannelRateLimits limits, DateTimeOffset now, TimeSpan horizon, int cost = 1)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(cost, 1);
        lock (_gate)
        {
            var channelFree = _channelNext.GetValueOrDefault(chat.Channel, now);
            var chatFree = _chatNext.GetValueOrDefault(chat.Key, now);
            var window = chat.Kind == ChatKind.Private ? limits.PerPrivateChatWindow : RateLimit.None;
            var slot = Max(now, Max(Max(channelFree, chatFree), WindowFree(chat.Key, window, now, cost)));
            if (slot > now + horizon)
            {
                return (false, slot);
            }

            _channelNext[chat.Channel] = slot + limits.Global.Spacing * cost;
            _chatNext[chat.Key] = slot + limits.For(chat.Kind).Spacing * cost;
            if (window.IsLimited)
            {
                RecordInWindow(chat.Key, slot, Math.Min(cost, window.Count));
            }

            TrimIfLarge(now);
            return (true, slot);
        }
    }

    /// <summary>Holds a chat back until <paramref name="until"/> (after a 429 / 45009).</summary>
    public void HoldChat(ChatRef chat, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            _chatNext[chat.Key] = Max(_chatNext.GetValueOrDefault(chat.Key, until), until);
        }
    }

    /// <summary>The earliest time the sliding window has room again; slots older than one period are forgotten.</summary>
    private DateTimeOffset WindowFree(string chatKey, RateLimit window, DateTimeOffset now, int cost)
    {
        if (!window.IsLimited || !_chatWindow.TryGetValue(chatKey, out var slots))
        {
            return now;
        }

        var expired = slots.FindIndex(at => at + window.Period > now);
        slots.RemoveRange(0, expired < 0 ? slots.Count : expired);
        // Room for cost more means the oldest (count + cost - limit) slots must have left the window.
        var needed = slots.Count + Math.Min(cost, window.Count) - window.Count;
        return needed <= 0 ? now : slots[needed - 1] + window.Period;
    }

    private void RecordInWindow(string chatKey, DateTimeOffset slot, int cost)
    {
        if (!_chatWindow.TryGetValue(chatKey, out var slots))
        {
            _chatWindow[chatKey] = slots = [];
        }

        slots.AddRange(Enumerable.Repeat(slot, cost));
    }

    private void TrimIfLarge(DateTimeOffset now)
    {
        if (_chatWindow.Count >= 50_000)
        {
            // A window whose last slot is a day old holds nothing any limit still counts.
            foreach (var key in _chatWindow.Where(pair => pair.Value.Count == 0 || pair.Value[^1] < now - TimeSpan.FromDays(1)).Select(pair => pair.Key).ToList())
            {
                _chatWindow.Remove(key);
            }
        }

        if (_chatNext.Count < 50_000)
        {
            return;
        }

        foreach (var key in _chatNext.Where(pair => pair.Value < now).Select(pair => pair.Key).ToList())
        {
            _chatNext.Remove(key);
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
