using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace CampaignBot.WeCom.Api;

/// <summary>
/// WeCom's server API: app messages, template card updates, media upload, group robots. The access
/// token is cached until shortly before it expires and refreshed once when WeCom calls it invalid.
/// Request URLs carry the token, so the named HttpClient has its logging removed.
/// </summary>
public sealed class WeComApiClient(IHttpClientFactory httpClientFactory, IOptions<WeComOptions> options, TimeProvider time)
{
    public const string HttpClientName = "CampaignBot.WeCom";

    private readonly SemaphoreSlim tokenLock = new(1, 1);
    private string? token;
    private DateTimeOffset tokenUntil;

    /// <summary>How many times gettoken was called (for tests and diagnostics).</summary>
    public int TokenFetches { get; private set; }

    public Task<WeComApiResponse> SendMessageAsync(JsonObject message, CancellationToken cancellationToken) =>
        WithTokenAsync(t => PostJsonAsync($"cgi-bin/message/send?access_token={t}", message, cancellationToken), cancellationToken);

    public Task<WeComApiResponse> UpdateTemplateCardAsync(JsonObject update, CancellationToken cancellationToken) =>
        WithTokenAsync(t => PostJsonAsync($"cgi-bin/message/update_template_card?access_token={t}", update, cancellationToken), cancellationToken);

    /// <summary>Uploads a temporary medium ("file" or "image"); the answer's media_id is valid for three days.</summary>
    public Task<WeComApiResponse> UploadMediaAsync(string type, string fileName, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(type);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        ArgumentNullException.ThrowIfNull(content);
        return WithTokenAsync(
            async t =>
            {
                using var form = new MultipartFormDataContent();
                var file = new ByteArrayContent(content);
                file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data")
                {
                    Name = "\"media\"",
                    FileName = $"\"{fileName}\"",
                    Size = content.Length,
                };
                form.Add(file);
                using var response = await Http().PostAsync(Url($"cgi-bin/media/upload?access_token={t}&type={Uri.EscapeDataString(type)}"), form, cancellationToken);
                return await ReadAsync(response, cancellationToken);
            },
            cancellationToken);
    }

    /// <summary>
    /// A temporary medium someone sent the app (media/get, valid three days): its bytes, at most <paramref name="maxBytes"/>, and
    /// the file name from Content-Disposition. WeCom answers errors as JSON (errcode); an invalid token is refreshed once.
    /// </summary>
    public async Task<ChannelFile> GetMediaAsync(string mediaId, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaId);
        for (var attempt = 0; ; attempt++)
        {
            var current = await GetAccessTokenAsync(cancellationToken);
            using var response = await Http().GetAsync(
                Url($"cgi-bin/media/get?access_token={Uri.EscapeDataString(current)}&media_id={Uri.EscapeDataString(mediaId)}"),
                HttpCompletionOption.ResponseHeadersRead,
                cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"WeCom answered HTTP {(int)response.StatusCode} to media/get.", null, response.StatusCode);
            }

            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is "application/json" or "text/plain")
            {
                var error = await response.Content.ReadFromJsonAsync<WeComApiResponse>(cancellationToken) ?? throw new HttpRequestException("WeCom answered media/get with an empty body.");
                if (WeComErrorCodes.IsTokenError(error.ErrCode) && attempt == 0)
                {
                    await ForgetAsync(current, cancellationToken);
                    continue;
                }

                throw new WeComApiException(error.ErrCode, $"media/get failed: {error.Describe()}");
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                throw new FileTooLargeException(response.Content.Headers.ContentLength, maxBytes);
            }

            using var content = new BoundedMemoryStream(maxBytes);
            await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken))
            {
                await body.CopyToAsync(content, cancellationToken);
            }

            var name = response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"');
            return new ChannelFile(content.ToArray(), name, type);
        }
    }

    /// <summary>Posts to a group robot (群机器人) webhook; the key is the robot's secret.</summary>
    public Task<WeComApiResponse> SendRobotAsync(string robotKey, JsonObject message, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(robotKey);
        return PostJsonAsync($"cgi-bin/webhook/send?key={Uri.EscapeDataString(robotKey)}", message, cancellationToken);
    }

    /// <summary>
    /// Web OAuth (网页授权): the UserID of whoever WeCom's authorize page sent back with this code (auth/getuserinfo);
    /// null when WeCom refuses the code (used, expired, forged) or the visitor is not a member of the organisation.
    /// </summary>
    public async Task<string?> GetUserIdForOAuthCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        var answer = await WithTokenAsync(
            async t =>
            {
                using var response = await Http().GetAsync(Url($"cgi-bin/auth/getuserinfo?access_token={t}&code={Uri.EscapeDataString(code)}"), cancellationToken);
                return await ReadAsync(response, cancellationToken);
            },
            cancellationToken);
        return answer.IsOk && !string.IsNullOrEmpty(answer.UserId) ? answer.UserId : null;
    }

    /// <summary>
    /// A read of the address book (通讯录) as raw JSON: GET when <paramref name="body"/> is null, else POST. The token is
    /// refreshed once when WeCom calls it invalid; a non-zero errcode is the caller's to read.
    /// </summary>
    public async Task<JsonObject> ReadJsonAsync(string pathAndQuery, JsonObject? body, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(pathAndQuery);
        var separator = pathAndQuery.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        async Task<JsonObject> CallAsync(string t)
        {
            var url = Url($"{pathAndQuery}{separator}access_token={t}");
            using var response = body is null ? await Http().GetAsync(url, cancellationToken) : await Http().PostAsJsonAsync(url, body, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException($"WeCom answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
            }

            return await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken) ?? throw new HttpRequestException("WeCom answered with an empty body.");
        }

        var current = await GetAccessTokenAsync(cancellationToken);
        var answer = await CallAsync(Uri.EscapeDataString(current));
        if (!WeComErrorCodes.IsTokenError(answer["errcode"]?.GetValue<int>() ?? 0))
        {
            return answer;
        }

        await ForgetAsync(current, cancellationToken);
        return await CallAsync(Uri.EscapeDataString(await GetAccessTokenAsync(cancellationToken)));
    }

    /// <summary>The cached access token, fetched with gettoken (corpid + app secret) when missing or about to expire.</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token is not null && time.GetUtcNow() < tokenUntil)
            {
                return token;
            }

            var o = options.Value;
            TokenFetches++;
            using var response = await Http().GetAsync(Url($"cgi-bin/gettoken?corpid={Uri.EscapeDataString(o.CorpId)}&corpsecret={Uri.EscapeDataString(o.Secret)}"), cancellationToken);
            var answer = await ReadAsync(response, cancellationToken);
            if (!answer.IsOk || string.IsNullOrEmpty(answer.AccessToken) || answer.ExpiresIn <= 0)
            {
                throw new WeComApiException(answer.ErrCode, $"gettoken failed: {answer.Describe()}");
            }

            // Refresh a little early so a token never expires between our check and WeCom's.
            var margin = TimeSpan.FromSeconds(Math.Min(300, answer.ExpiresIn / 5));
            token = answer.AccessToken;
            tokenUntil = time.GetUtcNow() + TimeSpan.FromSeconds(answer.ExpiresIn) - margin;
            return token;
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private async Task<WeComApiResponse> WithTokenAsync(Func<string, Task<WeComApiResponse>> call, CancellationToken cancellationToken)
    {
        var current = await GetAccessTokenAsync(cancellationToken);
        var answer = await call(Uri.EscapeDataString(current));
        if (!WeComErrorCodes.IsTokenError(answer.ErrCode))
        {
            return answer;
        }

        await ForgetAsync(current, cancellationToken);
        var fresh = await GetAccessTokenAsync(cancellationToken);
        return await call(Uri.EscapeDataString(fresh));
    }

    /// <summary>Drops the token only if nobody has replaced it meanwhile, so parallel senders fetch once.</summary>
    private async Task ForgetAsync(string stale, CancellationToken cancellationToken)
    {
        await tokenLock.WaitAsync(cancellationToken);
        try
        {
            if (token == stale)
            {
                token = null;
            }
        }
        finally
        {
            tokenLock.Release();
        }
    }

    private async Task<WeComApiResponse> PostJsonAsync(string pathAndQuery, JsonObject body, CancellationToken cancellationToken)
    {
        using var response = await Http().PostAsJsonAsync(Url(pathAndQuery), body, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    private static async Task<WeComApiResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Never include the request URL in errors: it carries the token or the robot key.
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"WeCom answered HTTP {(int)response.StatusCode}.", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<WeComApiResponse>(cancellationToken)
            ?? throw new HttpRequestException("WeCom answered with an empty body.");
    }

    private HttpClient Http() => httpClientFactory.CreateClient(HttpClientName);

    private Uri Url(string pathAndQuery) => new($"{options.Value.ApiBaseUrl.TrimEnd('/')}/{pathAndQuery}");
}
