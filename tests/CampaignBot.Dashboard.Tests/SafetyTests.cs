using System.Net;

namespace CampaignBot.Dashboard.Tests;

public sealed class SafetyTests : SiteTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/signin?token=x")]
    [InlineData("/static/dashboard.js")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        var response = await Site.NewClient().GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task Pages_have_no_inline_script_or_style()
    {
        var client = await Site.SignInAsync(Site.Seed.Office);
        foreach (var path in new[] { "/", "/units/county_east", "/evaluations", "/downloads" })
        {
            var page = await client.GetStringAsync(path);
            Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
            Assert.DoesNotContain("style=", page, StringComparison.Ordinal);
            Assert.DoesNotContain("onclick", page, StringComparison.OrdinalIgnoreCase);
            Assert.Matches("<script src=\"/static/echarts.min.js\"></script>", page);
        }
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict()
    {
        var client = Site.NewClient();
        var fields = DashboardSite.FormFields(await client.GetStringAsync(await Site.LinkForAsync(Site.Seed.Office)));

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("cb_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_https_links_use_the_public_address_and_cookies_are_secure()
    {
        await using var https = await DashboardSite.StartAsync(new() { ["Dashboard:PublicUrl"] = "https://dashboard.example.org" });
        var link = await https.LinkForAsync(https.Seed.Office);
        Assert.StartsWith("https://dashboard.example.org/signin?token=", link, StringComparison.Ordinal);

        // The test talks plain HTTP to the app behind the (imagined) TLS proxy; the cookie still says Secure.
        var response = await https.NewClient().GetAsync(new Uri(link).PathAndQuery);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Urls_hold_unit_ids_but_no_names_or_member_ids()
    {
        var client = await Site.SignInAsync(Site.Seed.Office);
        var page = await client.GetStringAsync("/units/town_chengguan");

        foreach (System.Text.RegularExpressions.Match href in System.Text.RegularExpressions.Regex.Matches(page, "href=\"([^\"]+)\""))
        {
            var url = WebUtility.HtmlDecode(href.Groups[1].Value);
            Assert.DoesNotContain("telegram", url, StringComparison.Ordinal);
            Assert.DoesNotContain("成员", Uri.UnescapeDataString(url), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_health_endpoint_stays()
    {
        Assert.Equal("ok", await Site.NewClient().GetStringAsync("/healthz"));
    }

    [Fact]
    public async Task Echarts_is_served_from_the_app_with_its_licence()
    {
        var client = Site.NewClient();
        var script = await client.GetAsync("/static/echarts.min.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 500_000);
        Assert.Contains("Apache License", await client.GetStringAsync("/static/ECHARTS-LICENSE.txt"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/static/..%2Fappsettings.json")).StatusCode);
    }
}
