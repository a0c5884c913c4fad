using MiniExcelLibs;
using OpenQA.Selenium;

namespace CampaignBot.Dashboard.Tests;

/// <summary>One site and one headless Chromium for the class; each test starts without cookies.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public DashboardSite Site { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync() => Site = await DashboardSite.StartAsync(new() { ["Dashboard:LinksPerWindow"] = "100" });

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await Site.DisposeAsync();
    }
}

public sealed class BrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private DashboardSite Site => fixture.Site;

    private Browser Browser => fixture.Browser;

    private IWebDriver Driver => Browser.Driver;

    [Fact]
    public async Task Signing_in_by_link_opens_the_overview_with_every_unit_and_a_chart()
    {
        await SignInAsync(Site.Seed.Office);

        var rows = Driver.FindElements(By.CssSelector("#units tbody tr"));
        Assert.True(rows.Count >= 11, $"{rows.Count} unit rows");
        Browser.Wait().Until(d => d.FindElements(By.CssSelector("#chart-progress[data-rendered='true'] canvas")).Count > 0);
        Browser.Wait().Until(d => d.FindElements(By.CssSelector("#chart-stages canvas")).Count > 0);
        Assert.Contains("需要关注的单位", Driver.PageSource, StringComparison.Ordinal);
        Browser.Screenshot("overview.png");
    }

    [Fact]
    public async Task Drilling_into_a_unit_shows_its_members_and_rounds()
    {
        await SignInAsync(Site.Seed.Office);

        Driver.FindElement(By.CssSelector("#units tr[data-unit='town_chengguan'] td.name a")).Click();

        Assert.Equal("东县城关镇", Browser.WaitFor(By.TagName("h1")).Text);
        Assert.Contains("chengguan成员1", Driver.PageSource, StringComparison.Ordinal);
        Assert.Contains("评议轮次", Driver.PageSource, StringComparison.Ordinal);
        Assert.EndsWith("/units/town_chengguan", Driver.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_unit_tree_collapses_and_filters_by_kind()
    {
        await SignInAsync(Site.Seed.Office);
        var village = Driver.FindElement(By.CssSelector("#units tr[data-unit='village_dongguan']"));
        Assert.True(village.Displayed);

        Driver.FindElement(By.CssSelector("#units tr[data-unit='county_east'] button.toggle")).Click();
        Assert.False(village.Displayed);

        Driver.FindElement(By.CssSelector("[data-filter='kind'] option[value='university']")).Click();
        Assert.True(Driver.FindElement(By.CssSelector("#units tr[data-unit='university']")).Displayed);
        Assert.False(Driver.FindElement(By.CssSelector("#units tr[data-unit='district_west']")).Displayed);
    }

    [Fact]
    public async Task The_evaluations_page_draws_its_charts_and_the_make_up_history()
    {
        await SignInAsync(Site.Seed.Office);

        Driver.FindElement(By.LinkText("群众评议")).Click();

        Browser.Wait().Until(d => d.FindElements(By.CssSelector("#chart-satisfaction[data-rendered='true'] canvas")).Count > 0);
        Browser.Wait().Until(d => d.FindElements(By.CssSelector("#chart-turnout canvas")).Count > 0);
        var history = Driver.FindElement(By.CssSelector("ul.makeup")).Text;
        Assert.Contains("东县", history, StringComparison.Ordinal);
        Assert.Contains("→", history, StringComparison.Ordinal);
        Browser.Screenshot("evaluations.png");
    }

    [Fact]
    public async Task An_xlsx_download_opens_as_a_workbook_of_the_viewers_rows()
    {
        await SignInAsync(Site.Seed.Secretary);
        Driver.FindElement(By.LinkText("下载")).Click();

        Browser.WaitFor(By.CssSelector("a[href='/downloads/members.xlsx']")).Click();

        var file = Browser.Wait(30).Until(_ => Directory.GetFiles(Browser.DownloadFolder, "members-*.xlsx").FirstOrDefault());
        Browser.Wait(30).Until(_ => !Directory.GetFiles(Browser.DownloadFolder, "*.crdownload").Any() && new FileInfo(file).Length > 0);
        var rows = MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var names = rows.Select(r => r["姓名"]?.ToString()).ToList();
        Assert.Contains("chengguan成员1", names);
        Assert.Contains("dongguan成员1", names);
        Assert.DoesNotContain("east成员1", names);
        Assert.All(rows, r => Assert.Contains(r["单位ID"]?.ToString(), new[] { "town_chengguan", "village_dongguan" }));
    }

    [Fact]
    public async Task A_secretary_is_refused_another_units_page()
    {
        await SignInAsync(Site.Seed.Secretary);

        Driver.Navigate().GoToUrl(new Uri(Site.BaseAddress, "/units/county_east"));

        Assert.Contains("你无权查看此内容", Browser.WaitFor(By.CssSelector("p.message")).Text, StringComparison.Ordinal);
        Assert.DoesNotContain("east成员1", Driver.PageSource, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused()
    {
        Browser.Reset(Site.BaseAddress);
        var link = await Site.LinkForAsync(Site.Seed.Office);
        Site.Time.Advance(TimeSpan.FromMinutes(11));

        Driver.Navigate().GoToUrl(link);

        Assert.Contains("链接无效、已过期或已使用", Browser.WaitFor(By.CssSelector("p.message")).Text, StringComparison.Ordinal);
        Assert.Empty(Driver.FindElements(By.TagName("form")));
    }

    [Fact]
    public async Task A_form_posted_without_its_anti_forgery_token_is_refused()
    {
        await SignInAsync(Site.Seed.Office);

        ((IJavaScriptExecutor)Driver).ExecuteScript("document.querySelector('header form input[name=\"_af\"]').remove();");
        Driver.FindElement(By.CssSelector("header form button")).Click();

        Assert.Contains("表单已失效", Browser.WaitFor(By.CssSelector("p.message")).Text, StringComparison.Ordinal);
        Driver.Navigate().GoToUrl(Site.BaseAddress);
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#units")));
    }

    /// <summary>Opens a fresh link as the member would from the chat and presses the sign-in button.</summary>
    private async Task SignInAsync(Core.Features.Registration.Member member)
    {
        Browser.Reset(Site.BaseAddress);
        Driver.Navigate().GoToUrl(await Site.LinkForAsync(member));
        Browser.WaitFor(By.CssSelector("form button")).Click();
        Browser.WaitFor(By.CssSelector("header nav"));
    }
}
