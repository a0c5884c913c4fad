using CampaignBot.Core.Features.Dashboard;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>
/// The dashboard's routes. Every page checks the session first and then the viewer's scope; a refusal, a bad link or
/// an error is a plain page without campaign data. Unit ids are the only data in URLs (no names, no member ids).
/// </summary>
internal static class DashboardEndpoints
{
    public static void Map(WebApplication app)
    {
        app.Use(SecurityHeaders.ApplyAsync);
        var pages = app.MapGroup(string.Empty).AddEndpointFilter(PlainErrors);

        pages.MapGet("/", async (HttpContext http, DashboardOverview overview, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            return viewer is null
                ? Html(OverviewPage.SignInHint(page))
                : Html(OverviewPage.Render(page, overview.Status(), await overview.UnitsAsync(viewer.Scope, ct)));
        });

        pages.MapGet("/units/{unitId}", async (string unitId, HttpContext http, DashboardOverview overview, CampaignCalendar calendar, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            if (viewer is null)
            {
                return Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized);
            }

            if (page.Campaign.FindUnit(unitId) is null)
            {
                return Html(DashboardLayout.Message(page, T.NotFound), StatusCodes.Status404NotFound);
            }

            var unit = await overview.UnitAsync(viewer.Scope, unitId, ct);
            return unit is null
                ? Html(DashboardLayout.Message(page, T.NotAllowed), StatusCodes.Status403Forbidden)
                : Html(UnitPage.Render(page, unit, calendar.Zone));
        });

        pages.MapGet("/evaluations", async (HttpContext http, DashboardOverview overview, CampaignCalendar calendar, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            return viewer is null
                ? Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized)
                : Html(EvaluationsPage.Render(page, await overview.RoundsAsync(viewer.Scope, ct), calendar.Zone));
        });

        pages.MapGet("/downloads", async (HttpContext http, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            return viewer is null ? Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized) : Html(DownloadsPage.Render(page, viewer));
        });

        pages.MapGet("/downloads/{code}.{format}", async (string code, string format, HttpContext http, DashboardDownloads downloads, TimeProvider time, CampaignCalendar calendar, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            if (viewer is null)
            {
                return Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized);
            }

            if (!DashboardDownloads.Exists(code) || format is not ("csv" or "xlsx"))
            {
                return Html(DashboardLayout.Message(page, T.NotFound), StatusCodes.Status404NotFound);
            }

            // The file is named by the campaign's date: at 07:30 in Beijing it is already the next day in its name.
            var file = await downloads.BuildAsync(viewer, code, format, TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.Zone), ct);
            return file is null
                ? Html(DashboardLayout.Message(page, T.NotAllowed), StatusCodes.Status403Forbidden)
                : Results.File(file.Content, file.ContentType, file.FileName);
        });

        pages.MapGet("/evidence", async (HttpContext http, StoreBundle stores, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            if (viewer is null)
            {
                return Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized);
            }

            return EvidencePage.MaySee(viewer)
                ? Html(EvidencePage.Render(page, await stores.Ledger.ListAsync(null, ct)))
                : Html(DashboardLayout.Message(page, T.NotAllowed), StatusCodes.Status403Forbidden);
        });

        pages.MapGet("/evidence/{itemId}/{evidenceId}", async (string itemId, string evidenceId, HttpContext http, StoreBundle stores, Core.Features.Ledger.IEvidenceFiles files, CancellationToken ct) =>
        {
            var (page, viewer) = await PageAsync(http, ct);
            if (viewer is null)
            {
                return Html(OverviewPage.SignInHint(page), StatusCodes.Status401Unauthorized);
            }

            if (!EvidencePage.MaySee(viewer))
            {
                return Html(DashboardLayout.Message(page, T.NotAllowed), StatusCodes.Status403Forbidden);
            }

            var item = itemId.Length is >= 2 and <= 12 ? await stores.Ledger.GetAsync(itemId, ct) : null;
            var evidence = item?.Evidence.FirstOrDefault(e => e.Id == evidenceId && e.File == Core.Features.Ledger.EvidenceFileState.Stored);
            var stream = evidence?.Sha256 is { } sha ? await files.OpenAsync(sha, ct) : null;
            return stream is null
                ? Html(DashboardLayout.Message(page, T.NotFound), StatusCodes.Status404NotFound)
                : Results.File(stream, EvidencePage.ContentType(evidence!), evidence!.FileName ?? "evidence");
        });

        DashboardSignInEndpoints.Map(pages);
        DashboardStatic.Map(app);

        // Any other address (a mistyped or cut-off link) gets the plain not-found page rather than an empty answer.
        pages.MapFallback("{*path}", async (HttpContext http, CancellationToken ct) =>
            Html(DashboardLayout.Message((await PageAsync(http, ct)).Page, T.NotFound), StatusCodes.Status404NotFound));
    }

    /// <summary>The viewer of this request (null without a valid session) and the page context to draw with.</summary>
    public static async Task<(PageContext Page, DashboardViewer? Viewer)> PageAsync(HttpContext http, CancellationToken ct)
    {
        var services = http.RequestServices;
        var viewer = await services.GetRequiredService<DashboardSignIn>().ResolveAsync(http.Request.Cookies[DashboardCookies.Session], ct);
        var campaign = services.GetRequiredService<CampaignDefinition>();
        var formToken = viewer is null ? string.Empty : DashboardForms.TokenFor(viewer.SessionToken);
        return (new PageContext(campaign, viewer, PageContext.LanguageOf(viewer, http.Request), formToken), viewer);
    }

    public static IResult Html(string html, int status = StatusCodes.Status200OK) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);

    public static bool Secure(HttpContext http) =>
        http.Request.IsHttps || http.RequestServices.GetRequiredService<IOptions<DashboardOptions>>().Value.PublicUrl.StartsWith("https:", StringComparison.OrdinalIgnoreCase);

    /// <summary>An error in a page is logged (without the request's query, which may hold a token) and shown as a plain page.</summary>
    private static async ValueTask<object?> PlainErrors(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var http = context.HttpContext;
            http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("CampaignBot.Dashboard").LogError(ex, "Dashboard page {Path} failed", http.Request.Path.Value);
            var page = new PageContext(http.RequestServices.GetRequiredService<CampaignDefinition>(), null, PageContext.LanguageOf(null, http.Request), string.Empty);
            return Html(DashboardLayout.Message(page, T.ErrorPage), StatusCodes.Status500InternalServerError);
        }
    }
}
