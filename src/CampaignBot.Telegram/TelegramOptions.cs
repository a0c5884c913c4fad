namespace CampaignBot.Telegram;

/// <summary>The "Telegram" configuration section. The token comes from the environment (Telegram__Token).</summary>
public sealed class TelegramOptions
{
    public const string SectionName = "Telegram";
    public const string PollingMode = "polling";
    public const string WebhookMode = "webhook";

    /// <summary>The bot token from BotFather. Secret: never in appsettings.json, never logged.</summary>
    public string Token { get; set; } = "";

    /// <summary>A self-hosted Bot API server or a test stand-in, e.g. http://localhost:8081. Empty: api.telegram.org.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>"polling" or "webhook".</summary>
    public string Mode { get; set; } = PollingMode;

    /// <summary>The public https URL Telegram posts updates to (webhook mode).</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Sent by Telegram in X-Telegram-Bot-Api-Secret-Token; 1-256 of A-Z a-z 0-9 _ -.</summary>
    public string? WebhookSecret { get; set; }

    public string WebhookPath { get; set; } = "/telegram/webhook";

    /// <summary>How many webhook connections Telegram may open at once (1-100).</summary>
    public int MaxConnections { get; set; } = 40;

    /// <summary>Long-poll timeout of getUpdates, in seconds (0-50).</summary>
    public int PollTimeoutSeconds { get; set; } = 30;

    /// <summary>How long one send may take before it counts as a passing failure (1-300 s).</summary>
    public int SendTimeoutSeconds { get; set; } = 30;

    public int GlobalPerSecond { get; set; } = 30;

    public int PrivateChatPerSecond { get; set; } = 1;

    public int GroupPerMinute { get; set; } = 20;

    public bool IsWebhook => string.Equals(Mode, WebhookMode, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The pace the outbox keeps: the configured counts over periods 10% longer, because sends paced exactly
    /// at the limit reach Telegram with network and scheduling jitter and then burst over its window.
    /// </summary>
    public ChannelRateLimits Limits => new(
        new RateLimit(GlobalPerSecond, TimeSpan.FromSeconds(1) * Headroom),
        new RateLimit(PrivateChatPerSecond, TimeSpan.FromSeconds(1) * Headroom),
        new RateLimit(GroupPerMinute, TimeSpan.FromMinutes(1) * Headroom));

    /// <summary>How much longer than the configured period the sender spreads its messages.</summary>
    public const double Headroom = 1.1;
}

/// <summary>Stops start-up with a sentence naming the wrong setting.</summary>
public sealed class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || !options.Token.Contains(':', StringComparison.Ordinal))
        {
            failures.Add("Telegram:Token must be the bot token from BotFather (digits, a colon, then letters); set it with the environment variable Telegram__Token.");
        }

        if (!string.IsNullOrWhiteSpace(options.ApiBaseUrl) && !IsHttpUrl(options.ApiBaseUrl))
        {
            failures.Add("Telegram:ApiBaseUrl must be an absolute http or https URL such as http://localhost:8081.");
        }

        if (!string.Equals(options.Mode, TelegramOptions.PollingMode, StringComparison.OrdinalIgnoreCase) && !options.IsWebhook)
        {
            failures.Add($"Telegram:Mode must be \"polling\" or \"webhook\", not \"{options.Mode}\".");
        }

        if (options.IsWebhook)
        {
            ValidateWebhook(options, failures);
        }

        if (options.PollTimeoutSeconds is < 0 or > 50)
        {
            failures.Add("Telegram:PollTimeoutSeconds must be between 0 and 50.");
        }

        if (options.SendTimeoutSeconds is < 1 or > 300)
        {
            failures.Add("Telegram:SendTimeoutSeconds must be between 1 and 300.");
        }

        if (options.GlobalPerSecond < 0 || options.PrivateChatPerSecond < 0 || options.GroupPerMinute < 0)
        {
            failures.Add("Telegram:GlobalPerSecond, Telegram:PrivateChatPerSecond and Telegram:GroupPerMinute must not be negative (0 means no limit).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateWebhook(TelegramOptions options, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookUrl) || !IsHttpUrl(options.WebhookUrl))
        {
            failures.Add("Telegram:WebhookUrl must be the public https URL of the webhook when Telegram:Mode is \"webhook\".");
        }

        if (string.IsNullOrEmpty(options.WebhookSecret) || options.WebhookSecret.Length > 256
            || !options.WebhookSecret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            failures.Add("Telegram:WebhookSecret must be 1 to 256 characters of A-Z, a-z, 0-9, _ and - when Telegram:Mode is \"webhook\".");
        }

        if (string.IsNullOrWhiteSpace(options.WebhookPath) || !options.WebhookPath.StartsWith('/'))
        {
            failures.Add("Telegram:WebhookPath must start with \"/\".");
        }

        if (options.MaxConnections is < 1 or > 100)
        {
            failures.Add("Telegram:MaxConnections must be between 1 and 100.");
        }
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
