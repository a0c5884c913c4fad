namespace CampaignBot.Hosting;

/// <summary>Says at start which channels run, and warns when none does (a container started without tokens).</summary>
internal sealed class ChannelCheck(ChannelSelection channels, ILogger<ChannelCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!channels.Telegram && !channels.WeCom && !channels.Console)
        {
            logger.LogWarning("No channel is configured: set Telegram:Token or WeCom:CorpId (see README), or Console:Enabled=true. The bot runs but nobody can reach it.");
        }
        else
        {
            logger.LogInformation("Channels: Telegram {Telegram} ({Mode}), WeCom {WeCom}, console {Console}", channels.Telegram, channels.TelegramWebhook ? "webhook" : "polling", channels.WeCom, channels.Console);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
