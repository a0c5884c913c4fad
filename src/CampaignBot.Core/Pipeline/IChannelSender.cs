namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Sends outbox messages on one channel. It reports what happened; the outbox worker decides what
/// to do next (mark sent, retry later, give up), so every channel gets the same retry rules.
/// </summary>
public interface IChannelSender
{
    /// <summary>"telegram", "wecom", "console": matches <see cref="ChatRef.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>The channel's pace: messages per second overall, per private chat, per group.</summary>
    ChannelRateLimits Limits { get; }

    /// <param name="message">The stored message.</param>
    /// <param name="body">Its body, already read.</param>
    /// <param name="editTarget">For an <see cref="EditMessage"/>: the channel's id of the message to edit.</param>
    Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken);

    /// <summary>How many of the channel's own messages sending this body takes, so the pace counts them all.</summary>
    int CostOf(ChatRef chat, Outbound body) => 1;
}

/// <summary>Rates as "count per period". A zero count means no limit.</summary>
public sealed record ChannelRateLimits(RateLimit Global, RateLimit PerPrivateChat, RateLimit PerGroup)
{
    public static readonly ChannelRateLimits Unlimited = new(RateLimit.None, RateLimit.None, RateLimit.None);

    public RateLimit For(ChatKind kind) => kind == ChatKind.Group ? PerGroup : PerPrivateChat;

    /// <summary>
    /// A second, longer limit per private chat, kept as a sliding window on top of the spacing: at most Count
    /// messages to one member in any Period (WeCom: 1000 an hour, while 30 a minute would allow 1800).
    /// </summary>
    public RateLimit PerPrivateChatWindow { get; init; } = RateLimit.None;
}

public sealed record RateLimit(int Count, TimeSpan Period)
{
    public static readonly RateLimit None = new(0, TimeSpan.Zero);

    public bool IsLimited => Count > 0 && Period > TimeSpan.Zero;

    /// <summary>The least time between two messages under this limit, rounded up so Count slots never fit in less than Period.</summary>
    public TimeSpan Spacing => IsLimited ? TimeSpan.FromTicks((Period.Ticks + Count - 1) / Count) : TimeSpan.Zero;
}

/// <summary>What a channel said about one send.</summary>
public abstract record SendResult
{
    public static SendResult Sent(string? externalMessageId) => new SendSucceeded(externalMessageId);
}

public sealed record SendSucceeded(string? ExternalMessageId) : SendResult;

/// <summary>The channel asked us to slow down (Telegram 429, WeCom 45009): retry after the given time, counting no attempt.</summary>
public sealed record SendThrottled(TimeSpan RetryAfter, string Reason) : SendResult;

/// <summary>A passing failure (5xx, timeout): retry with backoff.</summary>
public sealed record SendFailedTransiently(string Reason) : SendResult;

/// <summary>The chat cannot be reached (blocked, kicked): stop sending to it.</summary>
public sealed record SendChatUnreachable(string Reason) : SendResult;

/// <summary>The channel refused this message for good (a 400): record the reason and drop it.</summary>
public sealed record SendRejected(string Reason) : SendResult;
