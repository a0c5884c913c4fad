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
    private readonly Dictionary<string, List<DateTimeOffset>> _chatWindow = new(StringComparer.Ordinal);

    /// <summary>
    /// Reserves the earliest slot for <paramref name="message"/>, if it is no later than <paramref name="now"/> +
    /// <paramref name="horizon"/> and no earlier message of its chat is waiting; otherwise reserves nothing and says
    /// when to try again. <paramref name="cost"/> is how many of the channel's own messages it takes (a WeCom text
    /// with its card: 2).
    /// </summary>
    public (bool Reserved, DateTimeOffset At) Reserve(OutboxMessage message, ChannelRateLimits limits, DateTimeOffset now, TimeSpan horizon, int cost = 1)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(cost, 1);
        var chat = message.Chat;
        lock (_gate)
        {
            if (EarlierWaiting(message, now) is { } earlier)
            {
                return (false, earlier > now ? earlier : now + TimeSpan.FromMilliseconds(50));
            }

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
    public void Settled(OutboxMessage message, ChannelRateLimits limits, DateTimeOffset? sentAt, int cost = 1)
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
                _chatNext[chat.Key] = Max(_chatNext.GetValueOrDefault(chat.Key, at), at + limits.For(chat.Kind).Spacing * cost);
                _channelNext[chat.Channel] = Max(_channelNext.GetValueOrDefault(chat.Channel, at), at + limits.Global.Spacing * cost);
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

    private sealed record Deferral(DateTimeOffset CreatedAt, string Id, DateTimeOffset Until)
    {
        public bool IsBefore(OutboxMessage other) =>
            CreatedAt < other.CreatedAt || (CreatedAt == other.CreatedAt && string.CompareOrdinal(Id, other.Id) < 0);
    }
}
