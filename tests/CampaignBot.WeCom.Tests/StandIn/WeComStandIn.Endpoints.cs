using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CampaignBot.WeCom.Tests.StandIn;

public sealed partial class WeComStandIn
{
    private void Map(WebApplication web)
    {
        MapAddressBook(web);
        web.MapGet("/cgi-bin/gettoken", (string? corpid, string? corpsecret) =>
        {
            if (corpid != CorpId || corpsecret != Secret)
            {
                return Error(40001, "invalid credential");
            }

            var token = $"token-{Next()}";
            validTokens[token] = true;
            return Results.Json(new { errcode = 0, errmsg = "ok", access_token = token, expires_in = TokenExpiresIn });
        });

        // Web OAuth (网页授权): a code WeCom's authorize page handed out names a member (userid) or an outsider (openid); once, like WeCom's.
        web.MapGet("/cgi-bin/auth/getuserinfo", (HttpRequest request, string? code) =>
        {
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            if (code is null || !oauthCodes.TryRemove(code, out var user))
            {
                return Error(40029, "invalid code");
            }

            return user.StartsWith("openid:", StringComparison.Ordinal)
                ? Results.Json(new { errcode = 0, errmsg = "ok", openid = user["openid:".Length..] })
                : Results.Json(new { errcode = 0, errmsg = "ok", userid = user });
        });

        web.MapPost("/cgi-bin/message/send", async (HttpRequest request) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            if (UnknownUsers.ContainsKey(body["touser"]!.GetValue<string>()))
            {
                return Results.Json(new { errcode = 81013, errmsg = "user & party & tag all invalid", invaliduser = body["touser"]!.GetValue<string>() });
            }

            var type = body["msgtype"]?.GetValue<string>();
            if (type is null || body[type] is null)
            {
                return Error(40008, "invalid message type");
            }

            if (type == "text" && System.Text.Encoding.UTF8.GetByteCount(body["text"]!["content"]!.GetValue<string>()) > 2048)
            {
                return Error(44004, "text content over 2048 bytes");
            }

            string? responseCode = null;
            if (type == "template_card")
            {
                var card = body["template_card"]!;
                if (card["button_list"]!.AsArray().Count is 0 or > 6 || !taskIds.TryAdd(card["task_id"]!.GetValue<string>(), true))
                {
                    return Error(40058, "invalid button_list or duplicate task_id");
                }

                responseCode = $"rc-{Next()}";
                responseCodes[responseCode] = true;
                responseCodeByTask[card["task_id"]!.GetValue<string>()] = responseCode;
            }

            Sent.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "", msgid = $"msg-{Next()}", response_code = responseCode });
        });

        web.MapPost("/cgi-bin/message/update_template_card", async (HttpRequest request) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            // A response code can be used once.
            var code = body["response_code"]?.GetValue<string>() ?? string.Empty;
            if (!responseCodes.TryUpdate(code, false, true))
            {
                return Error(40121, "invalid response_code");
            }

            CardUpdates.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok", invaliduser = "" });
        });

        // media/get: the medium's bytes with Content-Disposition, or a JSON errcode (40007 invalid media_id).
        web.MapGet("/cgi-bin/media/get", (HttpRequest request, string? media_id) =>
        {
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            if (media_id is null || !Media.TryGetValue(media_id, out var medium))
            {
                return Error(40007, "invalid media_id");
            }

            return Results.File(medium.Content, medium.ContentType, medium.FileName);
        });

        web.MapPost("/cgi-bin/media/upload", async (HttpRequest request, string? type) =>
        {
            var form = await request.ReadFormAsync();
            if ((CheckToken(request) ?? Injected()) is { } refusal)
            {
                return refusal;
            }

            var file = form.Files["media"];
            if (file is null || type is not ("file" or "image"))
            {
                return Error(40004, "invalid media type or no media");
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory);
            Uploads.Enqueue((type, file.FileName, memory.ToArray()));
            return Results.Json(new { errcode = 0, errmsg = "ok", type, media_id = $"media-{Next()}", created_at = "1380000000" });
        });

        web.MapPost("/cgi-bin/webhook/send", async (HttpRequest request, string? key) =>
        {
            var body = (await request.ReadFromJsonAsync<JsonObject>())!;
            if (key != RobotKey)
            {
                return Error(93000, "invalid webhook url");
            }

            if (Injected() is { } refusal)
            {
                return refusal;
            }

            RobotMessages.Enqueue(body);
            return Results.Json(new { errcode = 0, errmsg = "ok" });
        });
    }
}
