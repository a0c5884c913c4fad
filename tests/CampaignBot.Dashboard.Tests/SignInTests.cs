using System.Net;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Registration;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Dashboard.Tests;

public sealed class SignInTests : SiteTests
{
    [Fact]
    public async Task Without_a_session_the_site_root_shows_only_a_sign_in_hint()
    {
        var page = await Site.NewClient().GetStringAsync("/");

        Assert.Contains("/dashboard", page, StringComparison.Ordinal);
        Assert.DoesNotContain("东县", page, StringComparison.Ordinal);
        Assert.DoesNotContain("data-chart", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<form", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_signs_in_once_and_a_second_use_gets_a_plain_refusal()
    {
        var client = Site.NewClient();
        var link = await Site.LinkForAsync(Site.Seed.Office);
        var confirm = await client.GetStringAsync(link);
        var fields = DashboardSite.FormFields(confirm);

        var first = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var other = Site.NewClient();
        var again = await other.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        var text = await again.Content.ReadAsStringAsync();
        Assert.Contains("链接无效、已过期或已使用", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        var replay = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.BadRequest, replay.StatusCode);
    }

    [Fact]
    public async Task Looking_at_a_link_does_not_use_it_up()
    {
        var link = await Site.LinkForAsync(Site.Seed.Secretary);

        // A messenger's link preview fetches the page; the member can still sign in afterwards.
        Assert.Equal(HttpStatusCode.OK, (await Site.NewClient().GetAsync(link)).StatusCode);
        var client = Site.NewClient();
        var fields = DashboardSite.FormFields(await client.GetStringAsync(link));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/signin", new FormUrlEncodedContent(fields))).StatusCode);
    }

    [Fact]
    public async Task A_link_older_than_ten_minutes_is_refused()
    {
        var link = await Site.LinkForAsync(Site.Seed.Office);
        var client = Site.NewClient();
        var fields = DashboardSite.FormFields(await client.GetStringAsync(link));

        Site.Time.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));

        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync("/signin", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Site.NewClient().GetAsync(link)).StatusCode);
        Assert.DoesNotContain("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_or_malformed_token_gets_a_plain_page()
    {
        foreach (var token in new[] { "nope", new string('a', 43), new string('x', 5000), "<script>" })
        {
            var response = await Site.NewClient().GetAsync("/signin?token=" + Uri.EscapeDataString(token));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var page = await response.Content.ReadAsStringAsync();
            Assert.Contains("链接无效", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_sign_in_post_without_the_anti_forgery_token_is_refused()
    {
        var link = await Site.LinkForAsync(Site.Seed.Office);
        var client = Site.NewClient();
        var fields = DashboardSite.FormFields(await client.GetStringAsync(link));
        fields.Remove("_af");

        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("表单已失效", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // The link was not used by the refused post.
        Assert.True(await Site.Services.GetRequiredService<DashboardSignIn>().IsLinkUsableAsync(fields["token"], CancellationToken.None));
    }

    [Fact]
    public async Task Sign_out_needs_the_form_token_and_then_ends_the_session()
    {
        var client = await Site.SignInAsync(Site.Seed.Office);
        var home = await client.GetStringAsync("/");

        var forged = await client.PostAsync("/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = new string('0', 64) }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);

        var signOut = await client.PostAsync("/signout", new FormUrlEncodedContent(DashboardSite.FormFields(home)));
        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        Assert.DoesNotContain("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_session_ends_after_the_configured_timeout()
    {
        var client = await Site.SignInAsync(Site.Seed.Office);
        Site.Time.Advance(TimeSpan.FromMinutes(20));
        Assert.Contains("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);

        // Used 20 minutes in, so 29 more minutes are still within the 30-minute idle timeout.
        Site.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Contains("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);

        Site.Time.Advance(TimeSpan.FromMinutes(31));
        Assert.DoesNotContain("东县", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Losing_the_role_ends_the_members_sessions_at_the_next_request()
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);
        Assert.Contains("城关镇", await client.GetStringAsync("/"), StringComparison.Ordinal);

        await Site.Stores.Members.UpsertAsync(Site.Seed.Secretary with { Role = Roles.Member }, CancellationToken.None);

        Assert.DoesNotContain("城关镇东关村", await client.GetStringAsync("/"), StringComparison.Ordinal);
        await Site.Stores.Members.UpsertAsync(Site.Seed.Secretary, CancellationToken.None);
        Assert.DoesNotContain("城关镇东关村", await client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deactivating_a_member_ends_their_sessions_and_refuses_them_a_new_link()
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);
        Assert.Contains("城关镇", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var deactivated = Site.Seed.Secretary with { DeactivatedAt = Site.Time.GetUtcNow() };

        await Site.Stores.Members.UpsertAsync(deactivated, CancellationToken.None);

        Assert.DoesNotContain("城关镇东关村", await client.GetStringAsync("/"), StringComparison.Ordinal);
        var (link, refusal) = await Site.Services.GetRequiredService<DashboardSignIn>().IssueLinkAsync(deactivated, CancellationToken.None);
        Assert.Null(link);
        Assert.Equal(LinkRefusal.NotAllowed, refusal);
    }

    [Fact]
    public async Task Members_and_the_masses_get_no_link_and_no_session()
    {
        var signIn = Site.Services.GetRequiredService<DashboardSignIn>();

        var (link, refusal) = await signIn.IssueLinkAsync(Site.Seed.Member, CancellationToken.None);

        Assert.Null(link);
        Assert.Equal(LinkRefusal.NotAllowed, refusal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => signIn.OpenSessionAsync(Site.Seed.Member, CancellationToken.None));
    }

    [Fact]
    public async Task Links_are_rate_limited_per_member()
    {
        var signIn = Site.Services.GetRequiredService<DashboardSignIn>();
        for (var i = 0; i < 5; i++)
        {
            Assert.NotNull((await signIn.IssueLinkAsync(Site.Seed.Office, CancellationToken.None)).Link);
        }

        Assert.Equal(LinkRefusal.RateLimited, (await signIn.IssueLinkAsync(Site.Seed.Office, CancellationToken.None)).Refusal);
        Assert.NotNull((await signIn.IssueLinkAsync(Site.Seed.Secretary, CancellationToken.None)).Link);

        Site.Time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        Assert.NotNull((await signIn.IssueLinkAsync(Site.Seed.Office, CancellationToken.None)).Link);
    }

    [Fact]
    public async Task Only_hashes_are_stored_and_no_token_reaches_the_logs()
    {
        var link = await Site.LinkForAsync(Site.Seed.Office);
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        var client = Site.NewClient();
        var fields = DashboardSite.FormFields(await client.GetStringAsync(link));
        await client.PostAsync("/signin", new FormUrlEncodedContent(fields));
        await client.GetStringAsync("/");

        Assert.Null(await Site.Stores.Dashboard.GetLinkAsync(token, CancellationToken.None));
        Assert.NotNull(await Site.Stores.Dashboard.GetLinkAsync(DashboardSignIn.Hash(token), CancellationToken.None));
        Assert.DoesNotContain(Site.Logs, line => line.Contains(token, StringComparison.Ordinal));
        Assert.NotEmpty(Site.Logs);
    }
}
