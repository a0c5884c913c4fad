namespace CampaignBot.Core.Messaging;

/// <summary>Whether a chat is one person talking to the bot or a group the bot sits in.</summary>
public enum ChatKind
{
    Private,
    Group,
}

/// <summary>A chat on one channel ("telegram", "wecom", "console").</summary>
public sealed record ChatRef(string Channel, string Id, ChatKind Kind, string? Title = null)
{
    public string Key => $"{Channel}:{Id}";
}

/// <summary>The person behind an update, as the channel names them.</summary>
public sealed record UserRef(string Id, string? DisplayName = null, string? LanguageCode = null)
{
    /// <summary>English replies only for users whose client says English; Chinese otherwise.</summary>
    public Language Language =>
        LanguageCode is { } code && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Chinese;
}

public enum Language
{
    Chinese,
    English,
}
