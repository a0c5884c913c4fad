using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;

namespace CampaignBot.ConsoleChannel;

/// <summary>The console's side of the outbox: prints what the bot says. Exports and charts are saved under data/files.</summary>
public sealed class ConsoleSender(ConsoleTranscript transcript) : IChannelSender
{
    public const string ChannelName = "console";

    public string Channel => ChannelName;

    public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

    public Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = transcript.Show(message.Chat, body, Path.Combine("data", "files"));
        return Task.FromResult(SendResult.Sent(id));
    }
}
