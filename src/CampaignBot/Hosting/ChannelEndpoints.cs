using CampaignBot.ConsoleChannel;

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
    }

    public static void Map(WebApplication app, ChannelSelection channels)
    {
        _ = app;
        _ = channels;
    }
}
