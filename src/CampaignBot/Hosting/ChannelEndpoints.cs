using CampaignBot.ConsoleChannel;
using CampaignBot.Telegram;
using CampaignBot.WeCom;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Robots;

namespace CampaignBot.Hosting;

/// <summary>Registers the selected channels and maps their webhook endpoints.</summary>
internal static class ChannelEndpoints
{
    public static void Add(IHostApplicationBuilder builder, ChannelSelection channels)
    {
        builder.Services.AddSingleton(channels);
        builder.Services.AddHostedService<ChannelCheck>();

        // Each Add… does nothing unless its channel is configured.
        builder.AddTelegramChannel();
        builder.AddWeComChannel();
        builder.AddWeComRobotLinks();
        if (channels.Console)
        {
            builder.AddConsoleChannel();
        }
    }

    public static void Map(WebApplication app, ChannelSelection channels)
    {
        if (channels.TelegramWebhook)
        {
            app.MapTelegramWebhook();
        }

        if (channels.WeCom)
        {
            app.MapWeComCallback();
        }
    }
}
