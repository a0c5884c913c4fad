namespace CampaignBot.ConsoleChannel;

/// <summary>Who the terminal user is (section "Console"; also --user, --name, --chat, --lang).</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Console";

    public bool? Enabled { get; set; }

    public string User { get; set; } = "10001";

    public string? Name { get; set; }

    /// <summary>A group chat id; the user's private chat when empty.</summary>
    public string? Chat { get; set; }

    /// <summary>"zh" (default) or "en".</summary>
    public string? Lang { get; set; }

    /// <summary>How long to wait for the bot's answer to one line before reading the next.</summary>
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
