using System.Text.Json.Serialization;

namespace CampaignBot.WeCom.Api;

/// <summary>The fields of WeCom API answers the bot reads; every answer carries errcode and errmsg.</summary>
public sealed record WeComApiResponse
{
    [JsonPropertyName("errcode")]
    public int ErrCode { get; init; }

    [JsonPropertyName("errmsg")]
    public string? ErrMsg { get; init; }

    [JsonPropertyName("access_token")]
    public string? AccessToken { get; init; }

    [JsonPropertyName("expires_in")]
    public int ExpiresIn { get; init; }

    [JsonPropertyName("msgid")]
    public string? MsgId { get; init; }

    /// <summary>Lets the app call update_template_card once for a sent card.</summary>
    [JsonPropertyName("response_code")]
    public string? ResponseCode { get; init; }

    /// <summary>Recipients WeCom could not deliver to, joined with '|'.</summary>
    [JsonPropertyName("invaliduser")]
    public string? InvalidUser { get; init; }

    [JsonPropertyName("media_id")]
    public string? MediaId { get; init; }

    /// <summary>auth/getuserinfo (web OAuth): the member's UserID; absent for someone outside the organisation.</summary>
    [JsonPropertyName("userid")]
    public string? UserId { get; init; }

    public bool IsOk => ErrCode == 0;

    public string Describe() => $"errcode {ErrCode}: {ErrMsg}";
}

/// <summary>The error codes the channel treats specially (全局错误码).</summary>
public static class WeComErrorCodes
{
    public const int SystemBusy = -1;
    public const int InvalidCredential = 40001;
    public const int InvalidAccessToken = 40014;
    public const int AccessTokenExpired = 42001;
    public const int FrequencyLimited = 45009;

    /// <summary>Too many calls at once (api concurrent out of limit): a moment later the same call goes through.</summary>
    public const int ConcurrencyLimited = 45033;
    /// <summary>The server's address is not among the app's trusted IPs (企业可信IP): a setting to fix, not this message's fault.</summary>
    public const int UntrustedIp = 60020;
    public const int UserNotFound = 60111;
    public const int AllRecipientsInvalid = 81013;

    public static bool IsTokenError(int code) => code is InvalidCredential or InvalidAccessToken or AccessTokenExpired;
}

/// <summary>WeCom answered with an error where the call cannot go on (gettoken refused, for instance).</summary>
public sealed class WeComApiException(int errCode, string message) : Exception(message)
{
    public int ErrCode { get; } = errCode;
}
