using System.Globalization;
using System.Net;
using System.Text;
using CampaignBot.Core.Storage;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.ReplyMarkups;

namespace CampaignBot.Telegram.Sending;

/// <summary>
/// Sends outbox messages through the Bot API and says what happened; the outbox worker keeps the pace
/// (<see cref="Limits"/>) and decides about retries.
/// </summary>
public sealed class TelegramSender(ITelegramBotClient bot, IOptions<TelegramOptions> options) : IChannelSender
{
    private readonly TokenRedactor _redactor = new(options.Value.Token);

    public string Channel => "telegram";

    public ChannelRateLimits Limits => options.Value.Limits;

    public async Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(body);
        if (!long.TryParse(message.Chat.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
        {
            return new SendRejected($"Chat id \"{message.Chat.Id}\" is not a Telegram chat id.");
        }

        // A hung request must not hold the chat's queue for the HttpClient's whole timeout.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.Value.SendTimeoutSeconds));
        var token = timeout.Token;
        try
        {
            return body switch
            {
                TextMessage text => await SendTextAsync(chatId, text, token),
                EditMessage edit => await EditAsync(chatId, edit, editTarget, token),
                DocumentMessage document => await SendDocumentAsync(chatId, document, token),
                PhotoMessage photo => await SendPhotoAsync(chatId, photo, token),
                CallbackAnswer answer => await AnswerAsync(answer, token),
                _ => new SendRejected($"Telegram cannot send a {body.GetType().Name}."),
            };
        }
        catch (ApiRequestException ex)
        {
            return Classify(ex);
        }
        catch (RequestException ex)
        {
            return ex.HttpStatusCode == HttpStatusCode.Forbidden
                ? new SendChatUnreachable(Reason(ex))
                : new SendFailedTransiently(Reason(ex));
        }
        catch (HttpRequestException ex)
        {
            return new SendFailedTransiently(Reason(ex));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendFailedTransiently("Timed out: " + Reason(ex));
        }
    }

    private async Task<SendResult> SendTextAsync(long chatId, TextMessage text, CancellationToken cancellationToken)
    {
        if (Keyboard(text.Buttons, out var keyboard) is { } refusal)
        {
            return refusal;
        }

        var parts = TextSplitter.Split(text.Text);
        Message? sent = null;
        for (var i = 0; i < parts.Count; i++)
        {
            var markup = i == parts.Count - 1 ? keyboard : null;
            sent = await bot.SendMessage(chatId, parts[i], replyMarkup: markup, cancellationToken: cancellationToken);
        }

        return SendResult.Sent(Id(sent!));
    }

    private async Task<SendResult> EditAsync(long chatId, EditMessage edit, string? editTarget, CancellationToken cancellationToken)
    {
        if (edit.SendIfGone && (!int.TryParse(editTarget, NumberStyles.Integer, CultureInfo.InvariantCulture, out _) || edit.Text.Length > TextSplitter.MaxMessageLength))
        {
            return await SendTextAsync(chatId, edit.AsNewMessage(), cancellationToken);
        }

        if (!int.TryParse(editTarget, NumberStyles.Integer, CultureInfo.InvariantCulture, out var messageId))
        {
            return new SendRejected($"No sent Telegram message to edit for outbox message {edit.TargetOutboxId}.");
        }

        if (edit.Text.Length > TextSplitter.MaxMessageLength)
        {
            return new SendRejected($"An edited text may not exceed {TextSplitter.MaxMessageLength} characters.");
        }

        if (Keyboard(edit.Buttons, out var keyboard) is { } refusal)
        {
            return refusal;
        }

        try
        {
            await bot.EditMessageText(chatId, messageId, edit.Text, replyMarkup: keyboard, cancellationToken: cancellationToken);
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && ex.Message.Contains("message is not modified", StringComparison.OrdinalIgnoreCase))
        {
            // Re-sending the same tally is not an error: the message already shows it.
        }
        catch (ApiRequestException ex) when (ex.ErrorCode == 400 && edit.SendIfGone)
        {
            // Too old to edit, deleted by the user: the prompt arrives as a new message instead.
            return await SendTextAsync(chatId, edit.AsNewMessage(), cancellationToken);
        }

        return SendResult.Sent(editTarget);
    }

    private async Task<SendResult> SendDocumentAsync(long chatId, DocumentMessage document, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(document.Content, writable: false);
        var sent = await bot.SendDocument(chatId, InputFile.FromStream(stream, document.FileName), document.Caption,
            cancellationToken: cancellationToken);
        return SendResult.Sent(Id(sent));
    }

    private async Task<SendResult> SendPhotoAsync(long chatId, PhotoMessage photo, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(photo.Content, writable: false);
        var sent = await bot.SendPhoto(chatId, InputFile.FromStream(stream, photo.FileName), photo.Caption,
            cancellationToken: cancellationToken);
        return SendResult.Sent(Id(sent));
    }

    private async Task<SendResult> AnswerAsync(CallbackAnswer answer, CancellationToken cancellationToken)
    {
        await bot.AnswerCallbackQuery(answer.CallbackId, answer.Notice, cancellationToken: cancellationToken);
        return SendResult.Sent(null);
    }

    /// <summary>Builds the inline keyboard; a payload over 64 bytes is refused rather than cut.</summary>
    private static SendRejected? Keyboard(IReadOnlyList<IReadOnlyList<Button>>? rows, out InlineKeyboardMarkup? keyboard)
    {
        keyboard = null;
        if (rows is null || rows.Count == 0)
        {
            return null;
        }

        foreach (var button in rows.SelectMany(row => row))
        {
            if (Encoding.UTF8.GetByteCount(button.Payload) > Button.MaxPayloadBytes)
            {
                return new SendRejected($"Button \"{button.Label}\" has a payload over {Button.MaxPayloadBytes} bytes.");
            }
        }

        keyboard = new InlineKeyboardMarkup(rows.Select(row => row.Select(b => InlineKeyboardButton.WithCallbackData(b.Label, b.Payload))));
        return null;
    }

    private SendResult Classify(ApiRequestException ex) => ex.ErrorCode switch
    {
        429 => new SendThrottled(TimeSpan.FromSeconds(Math.Max(1, ex.Parameters?.RetryAfter ?? 1)), Reason(ex)),
        403 => new SendChatUnreachable(Reason(ex)),
        >= 500 => new SendFailedTransiently(Reason(ex)),
        >= 400 => new SendRejected(Reason(ex)),
        _ => new SendFailedTransiently(Reason(ex)),
    };

    private string Reason(Exception ex) => _redactor.Redact(ex is ApiRequestException api ? $"{api.ErrorCode}: {api.Message}" : ex.Message);

    private static string Id(Message message) => message.Id.ToString(CultureInfo.InvariantCulture);
}
