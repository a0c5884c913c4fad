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
            var slot = Max(now, Max(channelFree, chatFree));
            if (slot > now + horizon)
            {
                return (false, slot);
            }

            _channelNext[chat.Channel] = slot + limits.Global.Spacing;
            _chatNext[chat.Key] = slot + limits.For(chat.Kind).Spacing;
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

    private void TrimIfLarge(DateTimeOffset now)
    {
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
