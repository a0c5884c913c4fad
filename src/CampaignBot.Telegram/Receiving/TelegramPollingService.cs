using Telegram.Bot.Exceptions;

namespace CampaignBot.Telegram.Receiving;

/// <summary>
/// Long polling with our own loop: the offset moves past a batch only after every update of it is
/// in the inbox, so a crash at any point loses nothing (the inbox drops redeliveries).
/// </summary>
public sealed partial class TelegramPollingService(
    ITelegramBotClient bot,
    UpdateIntake intake,
    RawUpdateReader rawReader,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramPollingService> logger) : BackgroundService
{
    public const int BatchSize = 100;

    /// <summary>First wait after a failure; doubles up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The next update id we ask for; everything below it is confirmed to Telegram.</summary>
    public int Offset { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PollOnceAsync(stoppingToken);
                backoff = InitialBackoff;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode == 409)
            {
                LogConflict(ex, backoff);
                backoff = await BackOffAsync(backoff, stoppingToken);
            }
            catch (Exception ex)
            {
                LogFailure(ex, Offset, backoff);
                backoff = await BackOffAsync(backoff, stoppingToken);
            }
        }
    }

    /// <summary>One getUpdates round: fetch, store every update, then confirm the batch.</summary>
    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        Update[] updates;
        try
        {
            updates = await bot.GetUpdates(Offset, BatchSize, options.Value.PollTimeoutSeconds,
                UpdateMapping.AllowedUpdates, cancellationToken);
        }
        catch (Exception ex) when (UnreadableUpdates.IsUnreadable(ex))
        {
            LogUnreadableBatch(ex, Offset);
            await PollRawOnceAsync(cancellationToken);
            return;
        }

        Trace("polled", updates);
        await intake.AcceptManyAsync(updates, cancellationToken);
        Trace("inboxed", updates);
        if (updates.Length > 0)
        {
            Offset = Math.Max(Offset, updates.Max(u => u.Id) + 1);
        }
    }

    /// <summary>The same round, update by update, for a batch the client could not read as a whole.</summary>
    private async Task PollRawOnceAsync(CancellationToken cancellationToken)
    {
        var updates = await rawReader.ReadAsync(Offset, BatchSize, cancellationToken);
        var readable = new List<Update>(updates.Count);
        foreach (var (id, update) in updates)
        {
            if (update is null)
            {
                LogUnreadableUpdate(id);
                continue;
            }

            readable.Add(update);
        }

        await intake.AcceptManyAsync(readable, cancellationToken);

        if (updates.Count > 0)
        {
            Offset = Math.Max(Offset, updates.Max(u => u.Id) + 1);
        }
    }

    private static void Trace(string stage, Update[] updates)
    {
        if (StageTrace.Enabled)
        {
            foreach (var update in updates)
            {
                StageTrace.Mark(stage, (update.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture), updates.Length);
            }
        }
    }


    private async Task<TimeSpan> BackOffAsync(TimeSpan backoff, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(backoff, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping; the loop condition ends the service.
        }

        return backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
    }

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Telegram getUpdates conflict (409): another instance is polling or a webhook is set; retrying in {Backoff}")]
    private partial void LogConflict(Exception ex, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram getUpdates batch at offset {Offset} could not be read; reading it update by update")]
    private partial void LogUnreadableBatch(Exception ex, int offset);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram update {UpdateId} is malformed and skipped: unreadable JSON")]
    private partial void LogUnreadableUpdate(int updateId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram polling failed at offset {Offset}; retrying in {Backoff}")]
    private partial void LogFailure(Exception ex, int offset, TimeSpan backoff);
}
