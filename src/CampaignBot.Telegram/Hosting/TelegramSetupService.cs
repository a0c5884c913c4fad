using CampaignBot.Core.Conversations;
using CampaignBot.Telegram.Receiving;
using Telegram.Bot.Exceptions;
using TgBotCommand = Telegram.Bot.Types.BotCommand;

namespace CampaignBot.Telegram.Hosting;

/// <summary>
/// At start: sets or deletes the webhook according to Telegram:Mode, and publishes the command menus — every command
/// for private chats, the few that work there for groups — in Chinese by default and English for "en" clients.
/// Retries until Telegram answers; a rejected token stops it.
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

        // Private chats get the whole list (each command checks who may use it; /help says what this person can);
        // groups only the commands that do something there, the rest would answer with a pointer to the private chat.
        var groups = BotCommandScope.AllGroupChats();
        await bot.SetMyCommands(Menu(Language.Chinese, inGroups: false), cancellationToken: cancellationToken);
        await bot.SetMyCommands(Menu(Language.English, inGroups: false), languageCode: "en", cancellationToken: cancellationToken);
        await bot.SetMyCommands(Menu(Language.Chinese, inGroups: true), groups, cancellationToken: cancellationToken);
        await bot.SetMyCommands(Menu(Language.English, inGroups: true), groups, languageCode: "en", cancellationToken: cancellationToken);
        LogConfigured(settings.IsWebhook ? TelegramOptions.WebhookMode : TelegramOptions.PollingMode);
    }

    private static IEnumerable<TgBotCommand> Menu(Language language, bool inGroups) =>
        CommandCatalog.All.Where(c => !inGroups || c.InGroups).Select(c => new TgBotCommand(c.Name, c.Describe(language)));

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram channel set up in {Mode} mode")]
    private partial void LogConfigured(string mode);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Telegram rejected the bot token; check Telegram:Token")]
    private partial void LogTokenRejected(Exception ex);

    [LoggerMessage(Level = LogLevel.Error, Message = "Telegram set-up (webhook, command menu) failed; retrying in {Backoff}")]
    private partial void LogSetupFailed(Exception ex, TimeSpan backoff);
}
