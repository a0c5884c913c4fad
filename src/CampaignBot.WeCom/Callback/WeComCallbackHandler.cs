using System.Text;
using CampaignBot.Core.Features.Organisation;
using CampaignBot.WeCom.Crypto;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.WeCom.Callback;

/// <summary>
/// Answers WeCom's callbacks. A pushed message is in the inbox before the empty 200 goes out, so a
/// crash in between makes WeCom redeliver, and the inbox's dedup keeps it once.
/// </summary>
public sealed partial class WeComCallbackHandler(
    WeComCallbackCrypto crypto,
    IInboundSink sink,
    TimeProvider time,
    IOptions<WeComOptions> options,
    IEnumerable<IContactChangeSink> contactSinks,
    ILogger<WeComCallbackHandler> logger)
{
    /// <summary>Callback bodies are a few hundred bytes; anything far larger is not WeCom.</summary>
    public const int MaxBodyChars = 64 * 1024;

    public IResult VerifyUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        try
        {
            // Query decoding turns an unescaped '+' into a space; Base64 never holds spaces.
            var echo = query["echostr"].ToString().Replace(' ', '+');
            var plain = Open(query["msg_signature"], query["timestamp"], query["nonce"], echo);
            LogVerified(logger);
            return Results.Text(plain, "text/plain", Encoding.UTF8);
        }
        catch (WeComCryptoException ex)
        {
            return Refuse(ex);
        }
    }

    public async Task<IResult> ReceiveAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.RequestAborted;
        var query = context.Request.Query;
        try
        {
            var body = await ReadBodyAsync(context.Request, cancellationToken);
            if (body is null)
            {
                LogTooLarge(logger, MaxBodyChars);
                return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
            }

            var encrypted = CallbackXml.ReadEncrypt(body);
            var xml = Open(query["msg_signature"], query["timestamp"], query["nonce"], encrypted);
            var message = CallbackXml.ReadMessage(xml);
            if (message is { MsgType: "event", Event: "change_contact" })
            {
                return await ApplyContactChangeAsync(message, cancellationToken);
            }

            var inbound = InboundMapper.Map(message);
            if (inbound is null)
            {
                LogIgnored(logger, message.MsgType, message.Event);
                return Results.Ok();
            }

            var stored = await sink.AcceptAsync(inbound, cancellationToken);
            LogAccepted(logger, inbound.UpdateId, stored);
            return Results.Ok();
        }
        catch (WeComCryptoException ex)
        {
            return Refuse(ex);
        }
    }

    /// <summary>
    /// An address book change is applied before the 200 goes out, so a failure (500) makes WeCom deliver it again;
    /// applying is idempotent. Without a configured sync the event is acknowledged and ignored.
    /// </summary>
    private async Task<IResult> ApplyContactChangeAsync(WeComCallbackMessage message, CancellationToken cancellationToken)
    {
        var sinks = contactSinks.ToList();
        if (sinks.Count == 0 || ContactChangeMapper.Map(message) is not { } change)
        {
            LogIgnored(logger, message.MsgType, message.Contact?.ChangeType ?? message.Event);
            return Results.Ok();
        }

        try
        {
            foreach (var sink in sinks)
            {
                await sink.ApplyAsync(change, cancellationToken);
            }

            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogContactChangeFailed(logger, ex, change.Kind, change.Id);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private string Open(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        crypto.Verify(signature, timestamp, nonce, encrypted);
        WeComCallbackCrypto.EnsureFresh(timestamp, time.GetUtcNow(), options.Value.CallbackTolerance);
        return crypto.Decrypt(encrypted!);
    }

    private IResult Refuse(WeComCryptoException ex)
    {
        LogRefused(logger, ex.Error, ex.Message);
        var status = ex.Error is WeComCryptoError.BadSignature or WeComCryptoError.CorpIdMismatch or WeComCryptoError.StaleTimestamp
            ? StatusCodes.Status403Forbidden
            : StatusCodes.Status400BadRequest;
        return Results.Text(ex.Error.ToString(), "text/plain", Encoding.UTF8, status);
    }

    private static async Task<string?> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyChars * 4)
        {
            return null;
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyChars + 1];
        var total = 0;
        int read;
        while (total < buffer.Length && (read = await reader.ReadAsync(buffer.AsMemory(total), cancellationToken)) > 0)
        {
            total += read;
        }

        return total > MaxBodyChars ? null : new string(buffer, 0, total);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback refused: {Error}: {Reason}")]
    private static partial void LogRefused(ILogger logger, WeComCryptoError error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "WeCom callback refused: body over {Limit} characters")]
    private static partial void LogTooLarge(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "WeCom callback URL verified")]
    private static partial void LogVerified(ILogger logger);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom callback ignored: {MsgType} {Event}")]
    private static partial void LogIgnored(ILogger logger, string msgType, string? @event);

    [LoggerMessage(Level = LogLevel.Error, Message = "WeCom address book change {Kind} {Id} failed; WeCom will deliver it again")]
    private static partial void LogContactChangeFailed(ILogger logger, Exception exception, ContactChangeKind kind, string id);

    [LoggerMessage(Level = LogLevel.Debug, Message = "WeCom update {UpdateId} accepted (new: {Stored})")]
    private static partial void LogAccepted(ILogger logger, string updateId, bool stored);
}
