namespace CampaignBot.Core.Storage;

/// <summary>What the bot knows of a chat: whether it is still in it, whether it can be reached, which unit it belongs to.</summary>
public sealed record ChatRecord
{
    public required string Channel { get; init; }

    public required string ChatId { get; init; }

    public required ChatKind Kind { get; init; }

    public string? Title { get; init; }

    public bool BotIsMember { get; init; } = true;

    /// <summary>Set when the channel said the bot was blocked or removed; sending stops.</summary>
    public bool Unreachable { get; init; }

    public string? UnitId { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }
}
