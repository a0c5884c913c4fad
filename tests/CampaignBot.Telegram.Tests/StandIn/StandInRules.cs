namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>Telegram's send limits as the stand-in enforces them; 0 turns one off.</summary>
public sealed record StandInRules
{
    public static readonly StandInRules Telegram = new();

    public static readonly StandInRules NoLimits = new() { GlobalPerSecond = 0, PrivateChatPerSecond = 0, GroupPerMinute = 0 };

    public int GlobalPerSecond { get; init; } = 30;

    public int PrivateChatPerSecond { get; init; } = 1;

    public int GroupPerMinute { get; init; } = 20;
}

/// <summary>One call the bot made that changed what users see (a send, an edit, a callback answer).</summary>
public sealed record SentMessage(
    string Method,
    long ChatId,
    int MessageId,
    string? Text,
    string? ReplyMarkup,
    string? FileName,
    byte[]? File,
    string? CallbackQueryId,
    DateTimeOffset At);

/// <summary>A throttled, failed or injected-fault answer, for tests to count.</summary>
public sealed record RefusedCall(string Method, long? ChatId, int ErrorCode, string Description, DateTimeOffset At);

/// <summary>The webhook as setWebhook left it.</summary>
public sealed record WebhookState(string Url, string? SecretToken, IReadOnlyList<string> AllowedUpdates, int? MaxConnections);
