using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>The Bot API methods, as far as CampaignBot uses them.</summary>
internal sealed class StandInMethods(StandInState state, CancellationToken stopping)
{
    private static readonly string[] SendMethods = ["sendMessage", "sendDocument", "sendPhoto"];

    /// <summary>Keyboards kept with their Chinese labels as is, so tests and people can read them.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<StandInAnswer> HandleAsync(string method, HttpContext context)
    {
        state.Record(method);
        RequestParameters parameters;
        try
        {
            parameters = await RequestParameters.ReadAsync(context.Request, context.RequestAborted);
        }
        catch (JsonException)
        {
            return Refuse(method, null, 400, "Bad Request: can't parse JSON");
        }

        var chatId = parameters.GetLong("chat_id");
        if (state.TakeHang(method))
        {
            await WaitUntilAbortedAsync(context.RequestAborted);
            return new StandInAnswer(0, [], Hung: true);
        }

        if (state.TakeFault(method) is var (code, description))
        {
            return Refuse(method, chatId, code, description);
        }

        if (chatId is { } target && Array.IndexOf(SendMethods, method) >= 0)
        {
            if (state.IsBlocked(target))
            {
                return Refuse(method, target, 403, "Forbidden: bot was blocked by the user");
            }

            if (state.TakeSendSlot(target) is { } retryAfter)
            {
                return Refuse(method, target, 429, $"Too Many Requests: retry after {retryAfter}", retryAfter);
            }
        }

        return method switch
        {
            "getMe" => Ok(new JsonObject { ["id"] = BotApiStandIn.BotId, ["is_bot"] = true, ["first_name"] = "CampaignBot", ["username"] = BotApiStandIn.BotUsername }),
            "getUpdates" => await GetUpdatesAsync(parameters, context.RequestAborted),
            "setWebhook" => SetWebhook(parameters),
            "deleteWebhook" => Done(() => state.SetWebhook(null)),
            "getWebhookInfo" => Ok(WebhookInfo()),
            "setMyCommands" => Done(() => state.SetCommands(ScopeOf(parameters), parameters.Get("language_code") ?? "", (JsonArray)parameters.GetJson("commands")!)),
            "sendMessage" => SendMessage(method, chatId, parameters.Get("text"), parameters),
            "sendDocument" => SendFile(method, chatId, "document", parameters),
            "sendPhoto" => SendFile(method, chatId, "photo", parameters),
            "editMessageText" => EditMessageText(chatId, parameters),
            "getFile" => GetFile(parameters.Get("file_id")),
            "answerCallbackQuery" => Done(() => state.AddCallbackAnswer(parameters.Get("callback_query_id") ?? "", parameters.Get("text"))),
            _ => Refuse(method, chatId, 404, "Not Found: method not found"),
        };
    }

    public static StandInAnswer Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        }

        return new StandInAnswer(code, body);
    }

    private async Task<StandInAnswer> GetUpdatesAsync(RequestParameters parameters, CancellationToken aborted)
    {
        if (state.Webhook is not null)
        {
            return Refuse("getUpdates", null, 409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        }

        var offset = parameters.GetInt("offset") ?? 0;
        var limit = Math.Clamp(parameters.GetInt("limit") ?? 100, 1, 100);
        var deadline = state.Time.GetUtcNow() + TimeSpan.FromSeconds(parameters.GetInt("timeout") ?? 0);
        var allowed = parameters.GetStrings("allowed_updates");
        while (true)
        {
            var (changed, batch) = state.TakeUpdates(offset, limit, allowed);
            var left = deadline - state.Time.GetUtcNow();
            if (batch.Count > 0 || left <= TimeSpan.Zero)
            {
                return Ok(new JsonArray([.. batch.Select(json => JsonNode.Parse(json))]));
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
            try
            {
                await changed.WaitAsync(left, state.Time, linked.Token);
            }
            catch (TimeoutException)
            {
                // Long poll over: answer with what there is (nothing).
            }
            catch (OperationCanceledException)
            {
                return Ok(new JsonArray());
            }
        }
    }

    private StandInAnswer SetWebhook(RequestParameters parameters)
    {
        if (string.IsNullOrEmpty(parameters.Get("url")))
        {
            return Done(() => state.SetWebhook(null));
        }

        var webhook = new WebhookState(parameters.Get("url")!, parameters.Get("secret_token"),
            parameters.GetStrings("allowed_updates") ?? [], parameters.GetInt("max_connections"));
        return Done(() => state.SetWebhook(webhook));
    }

    private JsonObject WebhookInfo() => new()
    {
        ["url"] = state.Webhook?.Url ?? "",
        ["has_custom_certificate"] = false,
        ["pending_update_count"] = state.PendingUpdates,
        ["max_connections"] = state.Webhook?.MaxConnections,
        ["allowed_updates"] = state.Webhook is { } w ? new JsonArray([.. w.AllowedUpdates.Select(u => JsonValue.Create(u))]) : null,
    };

    private StandInAnswer SendMessage(string method, long? chatId, string? text, RequestParameters parameters)
    {
        if (chatId is null || string.IsNullOrEmpty(text))
        {
            return Refuse(method, chatId, 400, "Bad Request: message text is empty");
        }

        if (text.Length > 4096)
        {
            return Refuse(method, chatId, 400, "Bad Request: message is too long");
        }

        var markup = Markup(parameters);
        if (markup?.Length == 0)
        {
            return Refuse(method, chatId, 400, "Bad Request: BUTTON_DATA_INVALID");
        }

        var sent = state.AddSent(method, chatId.Value, text, markup, null, null);
        return Ok(MessageJson(sent.ChatId, sent.MessageId, text));
    }

    private StandInAnswer SendFile(string method, long? chatId, string field, RequestParameters parameters)
    {
        if (chatId is null || parameters.GetFile(field) is not var (fileName, content))
        {
            return Refuse(method, chatId, 400, $"Bad Request: there is no {field} in the request");
        }

        var sent = state.AddSent(method, chatId.Value, parameters.Get("caption"), null, fileName, content);
        return Ok(MessageJson(sent.ChatId, sent.MessageId, null));
    }

    /// <summary>getFile as Telegram answers it: the file's path for the download URL, or 400 for unknown ids and files over 20 MB.</summary>
    private StandInAnswer GetFile(string? fileId)
    {
        if (string.IsNullOrEmpty(fileId) || state.File(fileId) is not { } file)
        {
            return Refuse("getFile", null, 400, "Bad Request: invalid file_id");
        }

        if (file.Content.Length > StandInState.MaxDownloadBytes)
        {
            return Refuse("getFile", null, 400, "Bad Request: file is too big");
        }

        return Ok(new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = file.UniqueId, ["file_size"] = file.Content.Length, ["file_path"] = file.Path });
    }

    private StandInAnswer EditMessageText(long? chatId, RequestParameters parameters)
    {
        var messageId = parameters.GetInt("message_id");
        if (chatId is null || messageId is null)
        {
            return Refuse("editMessageText", chatId, 400, "Bad Request: message identifier is not specified");
        }

        var text = parameters.Get("text");
        return state.Edit(chatId.Value, messageId.Value, text, Markup(parameters)) is { } error
            ? Refuse("editMessageText", chatId, 400, error)
            : Ok(MessageJson(chatId.Value, messageId.Value, text));
    }

    /// <summary>The inline keyboard normalised to JSON; empty when a callback_data exceeds 64 bytes.</summary>
    /// <summary>A setMyCommands scope as Telegram names it: its type, and the chat for a chat scope ("chat:42").</summary>
    private static string ScopeOf(RequestParameters parameters) => parameters.GetJson("scope") is JsonObject scope
        ? scope["chat_id"] is { } chat ? $"{scope["type"]}:{chat}" : scope["type"]?.GetValue<string>() ?? "default"
        : "default";

    private static string? Markup(RequestParameters parameters)
    {
        if (parameters.GetJson("reply_markup") is not JsonObject markup)
        {
            return null;
        }

        var tooLong = markup["inline_keyboard"]?.AsArray().SelectMany(row => row!.AsArray())
            .Any(b => System.Text.Encoding.UTF8.GetByteCount(b?["callback_data"]?.GetValue<string>() ?? "") > 64) ?? false;
        return tooLong ? "" : markup.ToJsonString(Readable);
    }

    private JsonObject MessageJson(long chatId, int messageId, string? text) => new()
    {
        ["message_id"] = messageId,
        ["date"] = state.Time.GetUtcNow().ToUnixTimeSeconds(),
        ["chat"] = new JsonObject { ["id"] = chatId, ["type"] = chatId < 0 ? "supergroup" : "private" },
        ["from"] = new JsonObject { ["id"] = BotApiStandIn.BotId, ["is_bot"] = true, ["first_name"] = "CampaignBot" },
        ["text"] = text,
    };

    private StandInAnswer Refuse(string method, long? chatId, int code, string description, int? retryAfter = null)
    {
        state.Refuse(method, chatId, code, description);
        return Error(code, description, retryAfter);
    }

    private static StandInAnswer Ok(JsonNode? result) => new(200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static StandInAnswer Done(Action action)
    {
        action();
        return Ok(true);
    }

    private async Task WaitUntilAbortedAsync(CancellationToken aborted)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        await Task.Delay(Timeout.Infinite, linked.Token).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
