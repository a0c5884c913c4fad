namespace CampaignBot.Hosting;

/// <summary>Which channels this process runs, read from configuration before the host is built.</summary>
public sealed record ChannelSelection(bool Telegram, bool TelegramWebhook, bool WeCom, bool Console)
{
    /// <summary>The web dashboard: Dashboard:Enabled, or on by default whenever a web host runs for webhooks.</summary>
    public bool Dashboard { get; init; }

    public bool NeedsWebServer => TelegramWebhook || WeCom || Dashboard;

    public static ChannelSelection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telegram = !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]);
        var webhook = telegram && string.Equals(configuration["Telegram:Mode"], "webhook", StringComparison.OrdinalIgnoreCase);
        var wecom = !string.IsNullOrWhiteSpace(configuration["WeCom:CorpId"]);
        var console = configuration.GetValue<bool?>("Console:Enabled") ?? (!telegram && !wecom);
        var dashboard = configuration.GetValue<bool?>("Dashboard:Enabled") ?? (webhook || wecom);
        return new ChannelSelection(telegram, webhook, wecom, console) { Dashboard = dashboard };
    }
}
