using CampaignBot.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Telegram.Bot.Types;

namespace CampaignBot.Telegram.Receiving;

/// <summary>Maps updates and hands them to the inbox; shared by polling and the webhook.</summary>
public sealed partial class UpdateIntake(BotIdentity identity, IInboundSink sink, TimeProvider time, ILogger<UpdateIntake> logger)
{
    /// <summary>Returns once the update is in the inbox (or known to be unhandleable); throws when the inbox failed.</summary>
    public async Task AcceptAsync(Update update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        var username = await identity.GetUsernameAsync(cancellationToken);
        UpdateMapping mapping;
        try
        {
            mapping = TelegramUpdateMapper.Map(update, username, time.GetUtcNow());
        }
        catch (Exception ex) when (ex is NullReferenceException or InvalidOperationException or FormatException)
        {
            // Deserialised updates can lack fields the library declares non-null.
            mapping = new MalformedUpdate(update.Id, ex.GetType().Name);
        }

        switch (mapping)
        {
            case MappedUpdate mapped:
                await sink.AcceptAsync(mapped.Inbound, cancellationToken);
                break;
            case MalformedUpdate malformed:
                LogMalformed(malformed.UpdateId, malformed.Why);
                break;
            case IgnoredUpdate ignored:
                LogIgnored(ignored.UpdateId, ignored.Why);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {UpdateId} is malformed and skipped: {Why}")]
    private partial void LogMalformed(int updateId, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ignored: {Why}")]
    private partial void LogIgnored(int updateId, string why);
}
