using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using CampaignBot.Core.Storage;
using CampaignBot.WeCom.Api;

namespace CampaignBot.WeCom.Sending;

/// <summary>
/// Sends outbox messages to members through the app (message/send) and to groups through their
/// group robot. WeCom cannot edit a sent text, so an edit arrives as a new message.
/// </summary>
public sealed partial class WeComSender(WeComApiClient api, IOptions<WeComOptions> options, ILogger<WeComSender> logger) : IChannelSender
{
    /// <summary>WeCom names no retry time for 45009; its counters run per minute.</summary>
    public static readonly TimeSpan ThrottleDelay = TimeSpan.FromMinutes(1);

    /// <summary>Robots take inline images up to 2 MB.</summary>
    public const int MaxRobotImageBytes = 2 * 1024 * 1024;

    /// <summary>Per outbox message held for a retry: how many of its WeCom calls already went through.</summary>
    private readonly ConcurrentDictionary<string, int> passedSteps = new(StringComparer.Ordinal);

    public string Channel => "wecom";

    /// <summary>Per member 30 a minute and 1000 an hour, per robot 20 a minute (WeCom:MemberPerMinute, MemberPerHour, RobotPerMinute).</summary>
    public ChannelRateLimits Limits => options.Value.Limits;

    public async Task<SendResult> SendAsync(OutboxMessage message, Outbound body, string? editTarget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(body);
        var result = await SendOnceAsync(message, body, new SendSteps(passedSteps, message.Id), cancellationToken);
        if (result is not (SendThrottled or SendFailedTransiently))
        {
            passedSteps.TryRemove(message.Id, out _);
        }

        return result;
    }

    private async Task<SendResult> SendOnceAsync(OutboxMessage message, Outbound body, SendSteps steps, CancellationToken cancellationToken)
    {
        try
        {
            return message.Chat.Kind == ChatKind.Group
                ? await SendToGroupAsync(message.Chat.Id, body, steps, cancellationToken)
                : await SendToMemberAsync(message, body, steps, cancellationToken);
        }
        catch (HttpRequestException ex) when (ex.StatusCode == HttpStatusCode.TooManyRequests)
        {
            return new SendThrottled(ThrottleDelay, "WeCom answered HTTP 429.");
        }
        catch (HttpRequestException ex)
        {
            return new SendFailedTransiently(ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new SendFailedTransiently("WeCom did not answer in time.");
        }
        catch (JsonException ex)
        {
            return new SendFailedTransiently($"WeCom answered with unreadable JSON: {ex.Message}");
        }
        catch (WeComApiException ex)
        {
            // gettoken failed: a setting or WeCom's problem, never this message's, so keep it for later.
            return ex.ErrCode == WeComErrorCodes.FrequencyLimited
                ? new SendThrottled(ThrottleDelay, ex.Message)
                : new SendFailedTransiently(ex.Message);
        }
    }

    /// <summary>What a WeCom answer means for the outbox; null when it succeeded.</summary>
    public static SendResult? Classify(WeComApiResponse answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.ErrCode switch
        {
            0 when !string.IsNullOrEmpty(answer.InvalidUser) => new SendChatUnreachable("WeCom could not deliver to this member (invaliduser)."),
            0 => null,
            WeComErrorCodes.FrequencyLimited => new SendThrottled(ThrottleDelay, answer.Describe()),
            WeComErrorCodes.AllRecipientsInvalid or WeComErrorCodes.UserNotFound => new SendChatUnreachable(answer.Describe()),
            WeComErrorCodes.SystemBusy or WeComErrorCodes.ConcurrencyLimited or WeComErrorCodes.UntrustedIp => new SendFailedTransiently(answer.Describe()),
            _ when WeComErrorCodes.IsTokenError(answer.ErrCode) => new SendFailedTransiently(answer.Describe()),
            _ => new SendRejected(answer.Describe()),
        };
    }

    private async Task<SendResult> SendToMemberAsync(OutboxMessage message, Outbound body, SendSteps steps, CancellationToken cancellationToken)
    {
        var user = message.Chat.Id;
        return body switch
        {
            TextMessage text => await SendTextAsync(message.Id, user, text.Text, text.Buttons, text.HintLanguage, steps, cancellationToken),
            EditMessage edit => await SendTextAsync(message.Id, user, edit.Text, edit.Buttons, edit.HintLanguage, steps, cancellationToken),
            DocumentMessage document => await SendMediaAsync(user, "file", document.FileName, document.Content, document.Caption, cancellationToken),
            PhotoMessage photo => await SendMediaAsync(user, "image", photo.FileName, photo.Content, photo.Caption, cancellationToken),
            CallbackAnswer answer => await AnswerCallbackAsync(user, answer, steps, cancellationToken),
            _ => new SendRejected($"WeCom cannot send a {body.GetType().Name}."),
        };
    }

    private async Task<SendResult> SendTextAsync(
        string outboxId, string user, string text, IReadOnlyList<IReadOnlyList<Button>>? rows, Language language, SendSteps steps, CancellationToken cancellationToken)
    {
        var agent = options.Value.AgentId;
        var buttons = WeComMessages.Flatten(rows);
        var sent = await SendChunksAsync(user, WeComMessages.WithNumberedOptions(text, buttons, language), steps, cancellationToken);
        if (sent is not SendSucceeded || !WeComMessages.FitsCard(buttons))
        {
            return sent;
        }

        // The numbered text already works everywhere; a failed card must not make the outbox resend it.
        var card = WeComMessages.Card(user, agent, text, buttons, WeComMessages.TaskIdFor(outboxId), language);
        var answer = await api.SendMessageAsync(card, cancellationToken);
        if (Classify(answer) is { } failure)
        {
            LogCardFailed(logger, outboxId, failure.GetType().Name, answer.ErrCode);
            return sent;
        }

        return SendResult.Sent(answer.MsgId);
    }

    private async Task<SendResult> SendChunksAsync(string user, string text, SendSteps steps, CancellationToken cancellationToken)
    {
        string? lastId = null;
        foreach (var chunk in WeComMessages.Chunks(text))
        {
            if (steps.Skip())
            {
                continue;
            }

            var answer = await api.SendMessageAsync(WeComMessages.Text(user, options.Value.AgentId, chunk), cancellationToken);
            if (Classify(answer) is { } failure)
            {
                return failure;
            }

            steps.Passed();
            lastId = answer.MsgId;
        }

        return SendResult.Sent(lastId);
    }

    private async Task<SendResult> SendMediaAsync(
        string user, string type, string fileName, byte[] content, string? caption, CancellationToken cancellationToken)
    {
        var upload = await api.UploadMediaAsync(type, fileName, content, cancellationToken);
        if (Classify(upload) is { } uploadFailure)
        {
            return uploadFailure;
        }

        if (string.IsNullOrEmpty(upload.MediaId))
        {
            return new SendFailedTransiently("WeCom media/upload answered without a media_id.");
        }

        var answer = await api.SendMessageAsync(WeComMessages.Media(user, options.Value.AgentId, type, upload.MediaId), cancellationToken);
        if (Classify(answer) is { } failure)
        {
            return failure;
        }

        if (!string.IsNullOrWhiteSpace(caption))
        {
            var captionAnswer = await api.SendMessageAsync(WeComMessages.Text(user, options.Value.AgentId, caption), cancellationToken);
            if (Classify(captionAnswer) is not null)
            {
                LogCaptionFailed(logger, captionAnswer.ErrCode);
            }
        }

        return SendResult.Sent(answer.MsgId);
    }

    private async Task<SendResult> AnswerCallbackAsync(string user, CallbackAnswer answer, SendSteps steps, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(answer.CallbackId))
        {
            return SendResult.Sent(null);
        }

        var notice = string.IsNullOrWhiteSpace(answer.Notice) ? WeComMessages.ChosenText(answer.Chosen, answer.HintLanguage) : answer.Notice;

        // A response code works once: a retry after the notice was held back must not spend it again.
        string? updateId = null;
        if (!steps.Skip())
        {
            var update = WeComMessages.CardUpdate(user, options.Value.AgentId, answer.CallbackId, notice);
            var result = await api.UpdateTemplateCardAsync(update, cancellationToken);
            if (Classify(result) is { } failure)
            {
                return failure;
            }

            steps.Passed();
            updateId = result.MsgId;
        }

        // A button holds ten characters; a longer notice also goes as text so nothing is cut off.
        return notice.Length > WeComMessages.MaxButtonLabelChars
            ? await SendChunksAsync(user, notice, steps, cancellationToken)
            : SendResult.Sent(updateId);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom card for {OutboxId} not sent ({Result}, errcode {ErrCode}); the numbered text was")]
    private static partial void LogCardFailed(ILogger logger, string outboxId, string result, int errCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom caption after a file not sent (errcode {ErrCode})")]
    private static partial void LogCaptionFailed(ILogger logger, int errCode);
}
