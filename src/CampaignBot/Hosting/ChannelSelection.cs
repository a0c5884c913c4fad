using Microsoft.Extensions.Configuration;

namespace CampaignBot.Hosting;

/// <summary>Which channels this process runs, read from configuration before the host is built.</summary>
public sealed record ChannelSelection(bool Telegram, bool TelegramWebhook, bool WeCom, bool Console)
{
    public bool NeedsWebServer => TelegramWebhook || WeCom;

    public static ChannelSelection From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telegram = !string.IsNullOrWhiteSpace(configuration["Telegram:Token"]);
        var webhook = telegram && string.Equals(configuration["Telegram:Mode"], "webhook", StringComparison.OrdinalIgnoreCase);
        var wecom = !string.IsNullOrWhiteSpace(configuration["WeCom:CorpId"]);
        var console = configuration.GetValue<bool?>("Console:Enabled") ?? (!telegram && !wecom);
        return new ChannelSelection(telegram, webhook, wecom, console);
    }
}
