using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Keeps each channel's pace and each chat's order. It hands out send slots so that neither the global rate nor
/// a chat's rate is exceeded, spaced from when sends actually left; and it remembers which messages of a chat were
/// put back for later, so that no later message of that chat overtakes them.
/// </summary>
public sealed class SendPacer
{
    /// <summary>A put-back message not seen again this long after its time is taken as handled elsewhere.</summary>
    private static readonly TimeSpan DeferralExpiry = TimeSpan.FromMinutes(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _channelNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _chatNext = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, Deferral>> _deferred = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserves the earliest slot for <paramref name="message"/>, if it is no later than <paramref name="now"/> +
    /// <paramref name="horizon"/> and no earlier message of its chat is waiting; otherwise reserves nothing and says
    /// when to try again.
    /// </summary>
    public (bool Reserved, DateTimeOffset At) Reserve(OutboxMessage message, ChannelRateLimits limits, DateTimeOffset now, TimeSpan horizon)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        var chat = message.Chat;
        lock (_gate)
        {
            if (EarlierWaiting(message, now) is { } earlier)
            {
                return (false, earlier > now ? earlier : now + TimeSpan.FromMilliseconds(50));
            }

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

    /// <summary>The message was put back until <paramref name="until"/>; later messages of its chat wait behind it.</summary>
    public void Deferred(OutboxMessage message, DateTimeOffset until)
    {
        ArgumentNullException.ThrowIfNull(message);
        lock (_gate)
        {
            if (!_deferred.TryGetValue(message.Chat.Key, out var waiting))
            {
                _deferred[message.Chat.Key] = waiting = new Dictionary<string, Deferral>(StringComparer.Ordinal);
            }

            waiting[message.Id] = new Deferral(message.CreatedAt, message.Id, until);
            _chatNext[message.Chat.Key] = Max(_chatNext.GetValueOrDefault(message.Chat.Key, until), until);
        }
    }

    /// <summary>
    /// The message is settled (sent, refused, given up). After a send, the chat's and the channel's next slots are
    /// spaced from when it actually left, so sends delayed at warm-up don't let later ones bunch up behind them.
    /// </summary>
    public void Settled(OutboxMessage message, ChannelRateLimits limits, DateTimeOffset? sentAt)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        var chat = message.Chat;
        lock (_gate)
        {
            if (_deferred.TryGetValue(chat.Key, out var waiting) && waiting.Remove(message.Id) && waiting.Count == 0)
            {
                _deferred.Remove(chat.Key);
            }

            if (sentAt is { } at)
            {
                _chatNext[chat.Key] = Max(_chatNext.GetValueOrDefault(chat.Key, at), at + limits.For(chat.Kind).Spacing);
                _channelNext[chat.Channel] = Max(_channelNext.GetValueOrDefault(chat.Channel, at), at + limits.Global.Spacing);
            }
        }
    }

    /// <summary>When an earlier message of the same chat is still put back: the time it waits for.</summary>
    private DateTimeOffset? EarlierWaiting(OutboxMessage message, DateTimeOffset now)
    {
        if (!_deferred.TryGetValue(message.Chat.Key, out var waiting))
        {
            return null;
        }

        DateTimeOffset? until = null;
        foreach (var deferral in waiting.Values.ToList())
        {
            if (deferral.Until + DeferralExpiry < now)
            {
                waiting.Remove(deferral.Id);
            }
            else if (deferral.IsBefore(message) && (until is null || deferral.Until > until))
            {
                until = deferral.Until;
            }
        }

        return until;
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

    private sealed record Deferral(DateTimeOffset CreatedAt, string Id, DateTimeOffset Until)
    {
        public bool IsBefore(OutboxMessage other) =>
            CreatedAt < other.CreatedAt || (CreatedAt == other.CreatedAt && string.CompareOrdinal(Id, other.Id) < 0);
    }
}
