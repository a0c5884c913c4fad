using System.Net;
using System.Web;
using CampaignBot.WeCom.Tests.EndToEnd;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Dashboard;

/// <summary>The dashboard opened from the WeCom app: web OAuth (网页授权) code → userid → member, against the stand-in.</summary>
public sealed class WebSignInTests : IAsyncLifetime
{
    private WeComBotUnderTest bot = null!;

    public async Task InitializeAsync() => bot = await WeComBotUnderTest.StartAsync();

    public async Task DisposeAsync() => await bot.DisposeAsync();

    [Fact]
    public async Task A_secretary_opening_the_app_is_signed_in_by_web_oauth()
    {
        await bot.RegisterAsync("zhao", "赵书记", unit: "town_chengguan", role: "secretary", rank: 2);
        var client = NewClient();

        var state = await StartAsync(client);
        var back = await client.GetAsync($"/auth/wecom/callback?code={bot.StandIn.IssueOAuthCode("zhao")}&state={state}");

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("http-equiv=\"refresh\"", await back.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var overview = await client.GetStringAsync("/");
        Assert.Contains("data-unit=\"town_chengguan\"", overview, StringComparison.Ordinal);
        Assert.DoesNotContain("data-unit=\"county_east\"", overview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_redirect_to_wecom_names_the_app_and_a_fresh_state()
    {
        var client = NewClient();

        var response = await client.GetAsync("/auth/wecom");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal("open.weixin.qq.com", location.Host);
        var query = HttpUtility.ParseQueryString(location.Query);
        Assert.Equal(WeComStandIn.CorpId, query["appid"]);
        Assert.Equal(WeComBotUnderTest.AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture), query["agentid"]);
        Assert.Equal("snsapi_base", query["scope"]);
        Assert.EndsWith("/auth/wecom/callback", query["redirect_uri"], StringComparison.Ordinal);
        Assert.Equal(43, query["state"]!.Length);
        Assert.Equal("#wechat_redirect", location.Fragment);
    }

    [Fact]
    public async Task A_forged_state_a_used_code_or_an_outsider_gets_a_plain_refusal()
    {
        await bot.RegisterAsync("qian", "钱书记", unit: "town_chengguan", role: "secretary", rank: 2);
        var client = NewClient();
        var state = await StartAsync(client);
        var code = bot.StandIn.IssueOAuthCode("qian");

        var forged = await client.GetAsync($"/auth/wecom/callback?code={code}&state={new string('x', 43)}");
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("企业微信登录失败", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/auth/wecom/callback?code={code}&state={state}")).StatusCode);

        var again = NewClient();
        var againState = await StartAsync(again);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.GetAsync($"/auth/wecom/callback?code={code}&state={againState}")).StatusCode);
        var outsider = await StartAsync(again);
        Assert.Equal(HttpStatusCode.BadRequest, (await again.GetAsync($"/auth/wecom/callback?code={bot.StandIn.IssueOAuthCode("o-1", outsider: true)}&state={outsider}")).StatusCode);
        Assert.DoesNotContain("data-unit", await again.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_member_is_refused_the_dashboard_after_oauth()
    {
        await bot.RegisterAsync("sun", "孙党员", unit: "town_chengguan", role: "member", rank: 3);
        var client = NewClient();
        var state = await StartAsync(client);

        var back = await client.GetAsync($"/auth/wecom/callback?code={bot.StandIn.IssueOAuthCode("sun")}&state={state}");

        Assert.Equal(HttpStatusCode.Forbidden, back.StatusCode);
        Assert.DoesNotContain("data-unit", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    private HttpClient NewClient() =>
        new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = bot.Http.BaseAddress };

    /// <summary>What the app's menu link does: /auth/wecom sets the state cookie and sends the browser to WeCom.</summary>
    private static async Task<string> StartAsync(HttpClient client)
    {
        var response = await client.GetAsync("/auth/wecom");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return HttpUtility.ParseQueryString(response.Headers.Location!.Query)["state"]!;
    }
}
