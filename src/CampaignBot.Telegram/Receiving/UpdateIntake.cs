namespace CampaignBot.Telegram.Receiving;

/// <summary>Maps updates and hands them to the inbox; shared by polling and the webhook.</summary>
public sealed partial class UpdateIntake(BotIdentity identity, IInboundSink sink, TimeProvider time, ILogger<UpdateIntake> logger)
{
    /// <summary>Returns once the update is in the inbox (or known to be unhandleable); throws when the inbox failed.</summary>
    public Task AcceptAsync(Update update, CancellationToken cancellationToken) => AcceptManyAsync([update], cancellationToken);

    /// <summary>
    /// Maps a batch in order and hands it to the inbox in one go (one write for the batch); returns once all of it
    /// is in the inbox, so the caller may then move the offset.
    /// </summary>
    public async Task AcceptManyAsync(IReadOnlyList<Update> updates, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updates);
        var username = await identity.GetUsernameAsync(cancellationToken);
        var inbound = new List<Core.Messaging.Inbound>(updates.Count);
        foreach (var update in updates)
        {
            ArgumentNullException.ThrowIfNull(update, nameof(updates));
            if (Map(update, username) is { } mapped)
            {
                inbound.Add(mapped);
            }
        }

        if (inbound.Count > 0)
        {
            await sink.AcceptManyAsync(inbound, cancellationToken);
        }
    }

    private Core.Messaging.Inbound? Map(Update update, string username)
    {
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
                return mapped.Inbound;
            case MalformedUpdate malformed:
                LogMalformed(malformed.UpdateId, malformed.Why);
                return null;
            case IgnoredUpdate ignored:
                LogIgnored(ignored.UpdateId, ignored.Why);
                return null;
            default:
                return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {UpdateId} is malformed and skipped: {Why}")]
    private partial void LogMalformed(int updateId, string why);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Telegram update {UpdateId} ignored: {Why}")]
    private partial void LogIgnored(int updateId, string why);
}
