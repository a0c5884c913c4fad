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
    /// </summary>
    public (bool Reserved, DateTimeOffset At) Reserve(ChatRef chat, ChannelRateLimits limits, DateTimeOffset now, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(limits);
        lock (_gate)
        {
            var channelFree = _channelNext.GetValueOrDefault(chat.Channel, now);
            var chatFree = _chatNext.GetValueOrDefault(chat.Key, now);
            var window = chat.Kind == ChatKind.Private ? limits.PerPrivateChatWindow : RateLimit.None;
            var slot = Max(now, Max(Max(channelFree, chatFree), WindowFree(chat.Key, window, now)));
            if (slot > now + horizon)
            {
                return (false, slot);
            }

            _channelNext[chat.Channel] = slot + limits.Global.Spacing;
            _chatNext[chat.Key] = slot + limits.For(chat.Kind).Spacing;
            if (window.IsLimited)
            {
                RecordInWindow(chat.Key, slot);
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
    private DateTimeOffset WindowFree(string chatKey, RateLimit window, DateTimeOffset now)
    {
        if (!window.IsLimited || !_chatWindow.TryGetValue(chatKey, out var slots))
        {
            return now;
        }

        var expired = slots.FindIndex(at => at + window.Period > now);
        slots.RemoveRange(0, expired < 0 ? slots.Count : expired);
        return slots.Count < window.Count ? now : slots[slots.Count - window.Count] + window.Period;
    }

    private void RecordInWindow(string chatKey, DateTimeOffset slot)
    {
        if (!_chatWindow.TryGetValue(chatKey, out var slots))
        {
            _chatWindow[chatKey] = slots = [];
        }

        slots.Add(slot);
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
