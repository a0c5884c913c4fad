using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CampaignBot.Dashboard.Tests;

/// <summary>What a visitor gets for a wrong address, junk in the query, a forged unit, or no session: a clear page, never a blank one or a 500.</summary>
public sealed class BadRequestsTests : SiteTests
{
    [Theory]
    [InlineData("/nowhere")]
    [InlineData("/units/town_chengguan/members")]
    [InlineData("/downloads/members")]
    public async Task A_wrong_address_gets_a_not_found_page_with_a_way_back(string path)
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("没有这个页面", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/?page=99999999999999999999")]
    [InlineData("/evaluations?from=not-a-date&to=2026-13-45")]
    [InlineData("/units/town_chengguan?unit=city&unitId=city&scope=all")]
    public async Task Junk_in_the_query_is_ignored_and_the_page_shows_only_the_viewers_units(string path)
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("east成员", page, StringComparison.Ordinal);
        Assert.DoesNotContain("city成员", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ten_thousand_character_parameter_gets_a_clear_page_not_an_error()
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);
        var junk = new string('x', 10_000);

        foreach (var path in new[] { $"/evaluations?q={junk}", $"/units/{junk}" })
        {
            var response = await client.GetAsync(path);

            Assert.True((int)response.StatusCode < 500, $"{path[..20]}…: {response.StatusCode}");
            Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("href=\"/\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var download = await client.GetAsync($"/downloads/members.csv?unit={junk}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("text/csv", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_forged_unit_in_a_downloads_query_still_gives_only_the_viewers_rows()
    {
        var client = await Site.SignInAsync(Site.Seed.Secretary);

        var csv = Encoding.UTF8.GetString(await client.GetByteArrayAsync("/downloads/members.csv?unit=city&unitId=county_east"));

        Assert.Contains("chengguan成员1", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("east成员", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("city成员", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_signed_out_visitor_whose_browser_takes_only_english_reads_the_sign_in_hint_in_english()
    {
        var client = Site.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en-GB"));
        client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("en", 0.8));

        var home = await client.GetStringAsync("/");
        var unit = await client.GetAsync("/units/town_chengguan");
        var expired = await (await client.GetAsync("/signin?token=expired-or-forged")).Content.ReadAsStringAsync();

        Assert.Contains("Please sign in", home, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, unit.StatusCode);
        Assert.Contains("Please sign in", await unit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("This link is invalid", expired, StringComparison.Ordinal);
        Assert.Contains("请先登录", await Site.NewClient().GetStringAsync("/"), StringComparison.Ordinal);
        var bilingual = Site.NewClient();
        bilingual.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,zh-CN;q=0.7");
        Assert.Contains("请先登录", await bilingual.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_download_is_named_by_the_campaigns_date_not_the_servers()
    {
        // 23:30 UTC is 07:30 the next morning in Beijing, the campaign's time zone.
        var now = Site.Time.GetUtcNow();
        var evening = new DateTimeOffset(now.UtcDateTime.Date.AddHours(23).AddMinutes(30), TimeSpan.Zero);
        Site.Time.SetUtcNow(evening > now ? evening : evening.AddDays(1));
        var client = await Site.SignInAsync(Site.Seed.Secretary);
        var beijingDate = Site.Time.GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);

        var csv = await client.GetAsync("/downloads/members.csv");
        var xlsx = await client.GetAsync("/downloads/members.xlsx");

        Assert.Equal($"members-{beijingDate}.csv", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"members-{beijingDate}.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
