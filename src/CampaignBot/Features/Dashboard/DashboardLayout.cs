using CampaignBot.Core.Features.Dashboard;
using T = CampaignBot.Features.Dashboard.DashboardPageTexts;

namespace CampaignBot.Features.Dashboard;

/// <summary>What every page is drawn with: the viewer (or nobody), their language and the form token of this session.</summary>
internal sealed record PageContext(CampaignDefinition Campaign, DashboardViewer? Viewer, Language Language, string FormToken)
{
    public string this[Text text] => text.In(Language);

    public bool English => Language == Language.English;

    public static Language LanguageOf(DashboardViewer? viewer) =>
        viewer?.Member.LanguageCode is { } code && code.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Language.English : Language.Chinese;

    /// <summary>
    /// The viewer's language; for a visitor not signed in (sign-in hint, a used link, an error), English only when the
    /// browser asks for English first and takes no Chinese at all.
    /// </summary>
    public static Language LanguageOf(DashboardViewer? viewer, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (viewer is not null)
        {
            return LanguageOf(viewer);
        }

        var accepted = request.GetTypedHeaders().AcceptLanguage.Where(l => l.Quality is not <= 0).OrderByDescending(l => l.Quality ?? 1).Select(l => l.Value.Value ?? string.Empty).ToList();
        return accepted.Count > 0 && accepted[0].StartsWith("en", StringComparison.OrdinalIgnoreCase)
            && !accepted.Any(l => l.StartsWith("zh", StringComparison.OrdinalIgnoreCase))
            ? Language.English
            : Language.Chinese;
    }
}

/// <summary>The page shell: head, navigation, sign-out form (with its anti-forgery token), the page's body.</summary>
internal static class DashboardLayout
{
    public static string Page(PageContext page, string title, Action<Html> body)
    {
        var html = new Html();
        html.Raw("<!DOCTYPE html><html lang=\"").Raw(page.English ? "en" : "zh-CN").Raw("\"><head><meta charset=\"utf-8\">")
            .Raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Raw("<meta name=\"referrer\" content=\"no-referrer\">")
            .Raw("<title>").Text(title).Raw(" · ").Text(page[T.Title]).Raw("</title>")
            .Raw("<link rel=\"stylesheet\" href=\"/static/dashboard.css\"></head><body><header><a class=\"brand\" href=\"/\">").Text(page[T.Title]).Raw("</a>");
        if (page.Viewer is { } viewer)
        {
            html.Raw("<nav>").Link("/", page[T.Overview]).Link("/evaluations", page[T.Evaluations]).Link("/downloads", page[T.Downloads]);
            if (EvidencePage.MaySee(viewer))
            {
                html.Link("/evidence", page[T.EvidenceTitle]);
            }

            html.Raw("</nav>")
                .Raw("<span class=\"who\">").Text(viewer.Member.Name).Raw(" · ").Text(page.Campaign.FindRole(viewer.Member.Role)?.Name ?? viewer.Member.Role).Raw("</span>");
            Form(html, page, "/signout", page[T.SignOut]);
        }

        html.Raw("</header><main>").Raw("<h1>").Text(title).Raw("</h1>");
        body(html);
        html.Raw("</main><script src=\"/static/echarts.min.js\"></script><script src=\"/static/dashboard.js\"></script></body></html>");
        return html.ToString();
    }

    /// <summary>A POST form with one button and the anti-forgery token: the only kind of form the dashboard has.</summary>
    public static void Form(Html html, PageContext page, string action, string button, params (string Name, string Value)[] fields)
    {
        html.Raw("<form method=\"post\" action=\"").Attribute(action).Raw("\"><input type=\"hidden\" name=\"").Raw(DashboardForms.FieldName).Raw("\" value=\"").Attribute(page.FormToken).Raw("\">");
        foreach (var (name, value) in fields)
        {
            html.Raw("<input type=\"hidden\" name=\"").Attribute(name).Raw("\" value=\"").Attribute(value).Raw("\">");
        }

        html.Raw("<button type=\"submit\">").Text(button).Raw("</button></form>");
    }

    /// <summary>A plain page with one message and a way back: refusals, bad links, errors. No campaign data.</summary>
    public static string Message(PageContext page, Text message) =>
        Page(page, page[T.Title], html => html.Element("p", page[message], "message").Raw("<p>").Link("/", page[T.BackHome]).Raw("</p>"));
}
