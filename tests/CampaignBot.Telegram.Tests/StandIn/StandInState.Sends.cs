namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>The stand-in's side of sending: limits per chat and overall, and the messages it keeps.</summary>
public sealed partial class StandInState
{
    /// <summary>When each chat's last send slot was counted, until its message is kept.</summary>
    private readonly Dictionary<long, DateTimeOffset> _slotTakenAt = [];

    /// <summary>Null when a send to this chat fits the limits now (and counts it); otherwise seconds to wait.</summary>
    internal int? TakeSendSlot(long chatId)
    {
        lock (_lock)
        {
            var now = Time.GetUtcNow();
            var window = _perChat.TryGetValue(chatId, out var w) ? w : _perChat[chatId] = chatId < 0
                ? new SlidingWindow(_rules.GroupPerMinute, TimeSpan.FromMinutes(1))
                : new SlidingWindow(_rules.PrivateChatPerSecond, TimeSpan.FromSeconds(1));
            var wait = Max(_global.TryTake(now, commit: false), window.TryTake(now, commit: false));
            if (wait is { } tooSoon)
            {
                return Math.Max(1, (int)Math.Ceiling(tooSoon.TotalSeconds));
            }

            _global.TryTake(now, commit: true);
            window.TryTake(now, commit: true);
            _slotTakenAt[chatId] = now;
            return null;
        }
    }

    internal SentMessage AddSent(string method, long chatId, string? text, string? markup, string? fileName, byte[]? file)
    {
        lock (_lock)
        {
            var id = _lastMessageId[chatId] = _lastMessageId.GetValueOrDefault(chatId) + 1;
            _messages[(chatId, id)] = (text, markup);
            // Stamped with the time its slot was counted, so what was accepted is checked against the windows that accepted it.
            var at = _slotTakenAt.Remove(chatId, out var slot) ? slot : Time.GetUtcNow();
            var sent = new SentMessage(method, chatId, id, text, markup, fileName, file, null, at);
            _sent.Add(sent);
            Signal();
            return sent;
        }
    }

    /// <summary>Returns the error description, or null when the edit applied.</summary>
    internal string? Edit(long chatId, int messageId, string? text, string? markup)
    {
        lock (_lock)
        {
            if (!_messages.TryGetValue((chatId, messageId), out var old))
            {
                return "Bad Request: message to edit not found";
            }

            if (old.Text == text && old.Markup == markup)
            {
                return "Bad Request: message is not modified: specified new message content and reply markup are exactly the same";
            }

            _messages[(chatId, messageId)] = (text, markup);
            _sent.Add(new SentMessage("editMessageText", chatId, messageId, text, markup, null, null, null, Time.GetUtcNow()));
            Signal();
            return null;
        }
    }

    internal void AddCallbackAnswer(string callbackId, string? text)
    {
        lock (_lock)
        {
            _sent.Add(new SentMessage("answerCallbackQuery", 0, 0, text, null, null, null, callbackId, Time.GetUtcNow()));
            Signal();
        }
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
