using CampaignBot.ConsoleChannel;
using CampaignBot.Telegram;

namespace CampaignBot.Hosting;

/// <summary>Registers the selected channels and maps their webhook endpoints.</summary>
internal static class ChannelEndpoints
{
    public static void Add(IHostApplicationBuilder builder, ChannelSelection channels)
    {
        if (channels.Console)
        {
            builder.AddConsoleChannel();
        }

        if (channels.Telegram)
        {
            builder.AddTelegramChannel();
        }
    }

    public static void Map(WebApplication app, ChannelSelection channels)
    {
        if (channels.TelegramWebhook)
        {
            app.MapTelegramWebhook();
        }
    }
}
