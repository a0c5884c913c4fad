using CampaignBot.Core.Conversations;
using CampaignBot.Telegram.Receiving;
using Telegram.Bot.Exceptions;
using TgBotCommand = Telegram.Bot.Types.BotCommand;

namespace CampaignBot.Telegram.Hosting;

/// <summary>
/// At start: sets or deletes the webhook according to Telegram:Mode, and publishes the command menu
/// (Chinese by default, English for "en" clients). Retries until Telegram answers; a rejected token stops it.
/// </summary>
public sealed partial class TelegramSetupService(
    ITelegramBotClient bot,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<TelegramSetupService> logger) : BackgroundService
{
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = InitialBackoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ConfigureAsync(stoppingToken);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (ApiRequestException ex) when (ex.ErrorCode is 401 or 404)
            {
                LogTokenRejected(ex);
                return;
            }
            catch (Exception ex)
            {
                LogSetupFailed(ex, backoff);
                await Task.Delay(backoff, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                backoff = backoff < TimeSpan.FromMinutes(1) ? backoff * 2 : backoff;
            }
        }
    }

    public async Task ConfigureAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.IsWebhook)
        {
            await bot.SetWebhook(settings.WebhookUrl!, secretToken: settings.WebhookSecret,
                allowedUpdates: UpdateMapping.AllowedUpdates, maxConnections: settings.MaxConnections,
                cancellationToken: cancellationToken);
        }
        else
        {
            // Pending updates stay: polling picks them up.
            await bot.DeleteWebhook(dropPendingUpdates: false, cancellationToken);
        }

        await bot.SetMyCommands(Menu(Language.Chinese), cancellationToken: cancellationToken);
        await bot.SetMyCommands(Menu(Language.English), languageCode: "en", cancellationToken: cancellationToken);
        LogConfigured(settings.IsWebhook ? TelegramOptions.WebhookMode : TelegramOptions.PollingMode);
    }

    private static IEnumerable<TgBotCommand> Menu(Language language) =>
        CommandCatalog.All.Select(c => new TgBotCommand(c.Name, c.Describe(language)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel set up in {Mode} mode")]
    private partial void LogConfigured(string mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token; check Telegram:Token")]
    private partial void LogTokenRejected(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram set-up (webhook, command menu) failed; retrying in {Backoff}")]
    private partial void LogSetupFailed(Exception ex, TimeSpan backoff);
}
