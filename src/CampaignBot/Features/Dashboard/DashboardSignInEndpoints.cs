using System.Security.Cryptography;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.WeCom;
using CampaignBot.WeCom.Api;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// Signing in and out. A link opens a confirmation page whose button posts the token: a messenger's link preview
/// (a GET) cannot use up the one-time link. Inside WeCom, /auth/wecom runs WeCom's web OAuth (网页授权).
/// </summary>
internal static class DashboardSignInEndpoints
{
    private const int MaxOAuthCodeLength = 512;

    public static void Map(RouteGroupBuilder pages)
    {
        pages.MapGet("/signin", async (HttpContext http, DashboardSignIn signIn, string? token, CancellationToken ct) =>
        {
            var page = AnonymousPage(http);
            if (!await signIn.IsLinkUsableAsync(token, ct))
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page, T.LinkInvalid), StatusCodes.Status400BadRequest);
            }

            var secret = DashboardForms.PreSignInSecret(http, DashboardEndpoints.Secure(http));
            page = page with { FormToken = DashboardForms.TokenFor(secret) };
            return DashboardEndpoints.Html(DashboardLayout.Page(page, page[T.SignInTitle], html =>
            {
                html.Element("p", page[T.SignInConfirm], "message");
                DashboardLayout.Form(html, page, "/signin", page[T.SignInButton], ("token", token!));
            }));
        });

        pages.MapPost("/signin", async (HttpContext http, DashboardSignIn signIn, CancellationToken ct) =>
        {
            var page = AnonymousPage(http);
            if (!await DashboardForms.IsValidAsync(http.Request, http.Request.Cookies[DashboardForms.PreSignInCookie]))
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page, T.FormRefused), StatusCodes.Status400BadRequest);
            }

            var session = await signIn.RedeemLinkAsync((await http.Request.ReadFormAsync(ct))["token"].ToString(), ct);
            if (session is null)
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page, T.LinkInvalid), StatusCodes.Status400BadRequest);
            }

            SetSession(http, session);
            http.Response.Cookies.Delete(DashboardForms.PreSignInCookie);
            return Results.Redirect("/", permanent: false, preserveMethod: false);
        });

        pages.MapPost("/signout", async (HttpContext http, DashboardSignIn signIn, CancellationToken ct) =>
        {
            var (page, viewer) = await DashboardEndpoints.PageAsync(http, ct);
            if (viewer is null || !await DashboardForms.IsValidAsync(http.Request, viewer.SessionToken))
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page with { Viewer = null }, T.FormRefused), StatusCodes.Status400BadRequest);
            }

            await signIn.SignOutAsync(viewer.SessionToken, ct);
            http.Response.Cookies.Delete(DashboardCookies.Session);
            return DashboardEndpoints.Html(DashboardLayout.Message(page with { Viewer = null }, T.SessionEnded));
        });

        pages.MapGet("/auth/wecom", (HttpContext http, IOptions<DashboardOptions> options, DashboardAddress address) =>
        {
            var wecom = http.RequestServices.GetService<IOptions<WeComOptions>>()?.Value;
            if (wecom is null || string.IsNullOrEmpty(wecom.CorpId) || address.BaseUrl is null)
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(AnonymousPage(http), T.WeComRefused), StatusCodes.Status404NotFound);
            }

            // The state ties WeCom's answer to this browser; Lax, because WeCom's redirect back is a cross-site navigation.
            var state = DashboardSignIn.NewToken();
            http.Response.Cookies.Append(DashboardCookies.OAuthState, state, DashboardCookies.Options(DashboardEndpoints.Secure(http), SameSiteMode.Lax, TimeSpan.FromMinutes(10)));
            var back = Uri.EscapeDataString($"{address.BaseUrl}/auth/wecom/callback");
            return Results.Redirect($"{options.Value.WeComAuthorizeUrl}?appid={Uri.EscapeDataString(wecom.CorpId)}&redirect_uri={back}&response_type=code&scope=snsapi_base&state={state}&agentid={wecom.AgentId}#wechat_redirect");
        });

        pages.MapGet("/auth/wecom/callback", async (HttpContext http, DashboardSignIn signIn, IMemberStore members, string? code, string? state, CancellationToken ct) =>
        {
            var page = AnonymousPage(http);
            var api = http.RequestServices.GetService<WeComApiClient>();
            var expected = http.Request.Cookies[DashboardCookies.OAuthState];
            if (api is null || code is not { Length: > 0 and <= MaxOAuthCodeLength } || state is null || expected is null || !SameText(state, expected))
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page, T.WeComRefused), StatusCodes.Status400BadRequest);
            }

            http.Response.Cookies.Delete(DashboardCookies.OAuthState);
            string? userId;
            try
            {
                userId = await api.GetUserIdForOAuthCodeAsync(code, ct);
            }
            catch (Exception ex) when (ex is HttpRequestException or WeComApiException or TaskCanceledException)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignBot.Dashboard").LogWarning(ex, "WeCom web sign-in could not ask WeCom who the visitor is");
                userId = null;
            }

            var member = userId is null ? null : await members.GetAsync(Member.IdFor(WeCom.Callback.InboundMapper.Channel, userId), ct);
            if (!DashboardAccess.MayUse(member))
            {
                return DashboardEndpoints.Html(DashboardLayout.Message(page, userId is null ? T.WeComRefused : T.NotAllowed), userId is null ? StatusCodes.Status400BadRequest : StatusCodes.Status403Forbidden);
            }

            SetSession(http, await signIn.OpenSessionAsync(member!, ct));

            // A page of our own rather than a redirect: after WeCom's cross-site redirect the browser would hold back
            // the SameSite=Strict cookie; a navigation started by this page sends it.
            return DashboardEndpoints.Html(DashboardLayout.Page(page, page[T.SignedIn], html =>
                html.Raw("<meta http-equiv=\"refresh\" content=\"0;url=/\">").Raw("<p>").Link("/", page[T.Continue]).Raw("</p>")));
        });
    }

    private static void SetSession(HttpContext http, string session) =>
        http.Response.Cookies.Append(DashboardCookies.Session, session, DashboardCookies.Options(DashboardEndpoints.Secure(http), SameSiteMode.Strict));

    private static PageContext AnonymousPage(HttpContext http) =>
        new(http.RequestServices.GetRequiredService<Core.Campaign.CampaignDefinition>(), null, PageContext.LanguageOf(null, http.Request), string.Empty);

    private static bool SameText(string a, string b) =>
        a.Length == b.Length && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));
}
