using System.Security.Cryptography;
using CampaignBot.Core.Features.Dashboard;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// Anti-forgery for every form. A form carries an HMAC of a secret only the browser's HttpOnly cookie holds: the
/// session token once signed in, before that a random pre-sign-in cookie. Another site can neither read the cookie
/// nor compute the value, and SameSite=Strict keeps the cookie off its requests. Nothing is kept on the server, so
/// it works across instances without shared Data Protection keys.
/// </summary>
internal static class DashboardForms
{
    public const string FieldName = "_af";
    public const string PreSignInCookie = "cb_pre";

    public static string TokenFor(string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), "campaignbot-dashboard-form"u8));

    /// <summary>True when the posted form carries the token of <paramref name="secret"/>; compared in constant time.</summary>
    public static async Task<bool> IsValidAsync(HttpRequest request, string? secret)
    {
        if (secret is null || !request.HasFormContentType)
        {
            return false;
        }

        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var posted = form[FieldName].ToString();
        var expected = TokenFor(secret);
        return posted.Length == expected.Length && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(posted), Encoding.ASCII.GetBytes(expected));
    }

    /// <summary>The pre-sign-in secret of this browser, made (and set as a cookie) when it has none.</summary>
    public static string PreSignInSecret(HttpContext context, bool secure)
    {
        if (context.Request.Cookies[PreSignInCookie] is { } existing && DashboardSignIn.IsWellFormed(existing))
        {
            return existing;
        }

        var secret = DashboardSignIn.NewToken();
        context.Response.Cookies.Append(PreSignInCookie, secret, DashboardCookies.Options(secure, SameSiteMode.Strict, TimeSpan.FromMinutes(30)));
        return secret;
    }
}

/// <summary>The session cookie: HttpOnly, SameSite=Strict, Secure when the dashboard is served over HTTPS.</summary>
internal static class DashboardCookies
{
    public const string Session = "cb_session";
    public const string OAuthState = "cb_oauth";

    public static CookieOptions Options(bool secure, SameSiteMode sameSite, TimeSpan? maxAge = null) => new()
    {
        HttpOnly = true,
        Secure = secure,
        SameSite = sameSite,
        Path = "/",
        IsEssential = true,
        MaxAge = maxAge,
    };
}
