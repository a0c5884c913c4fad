using CampaignBot.Core.Pipeline;

namespace CampaignBot.ConsoleChannel;

/// <summary>
/// The console's side of the outbox: prints what the bot says. Exports and charts are saved under data/files.
/// The console has one user, but every console message in the outbox is printed by whichever console runs, so a
/// message to someone else's private chat is labelled with its addressee.
/// </summary>
public sealed class ConsoleSender(ConsoleTranscript transcript, IOptions<ConsoleOptions> options) : IChannelSender
{
    public const string ChannelName = "console";

    public string Channel => ChannelName;

    public ChannelRateLimits Limits => ChannelRateLimits.Unlimited;

    public Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var chat = message.Chat;
        var addressee = chat.Kind == ChatKind.Private && chat.Id != options.Value.User ? chat.Title ?? chat.Id : null;
        var id = transcript.Show(chat, body, Path.Combine("data", "files"), addressee);
        return Task.FromResult(SendResult.Sent(id));
    }
}
