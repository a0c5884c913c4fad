using System.Drawing;
using CampaignBot.Core.Features.Ledger;
using OpenQA.Selenium;

namespace CampaignBot.Dashboard.Tests;

/// <summary>Every page on a phone's width (390 CSS pixels): the page itself never scrolls sideways; only wide tables do, inside their box.</summary>
public sealed class PhoneTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private DashboardSite Site => fixture.Site;

    private Browser Browser => fixture.Browser;

    private IWebDriver Driver => Browser.Driver;

    [Fact]
    public async Task Every_page_fits_a_phones_width_and_wide_tables_scroll_inside_their_box()
    {
        await AddEvidenceAsync();
        Browser.Reset(Site.BaseAddress);
        Driver.Manage().Window.Size = new Size(390, 844);
        Driver.Navigate().GoToUrl(await Site.LinkForAsync(Site.Seed.Office));
        Browser.WaitFor(By.CssSelector("form button")).Click();
        Browser.WaitFor(By.CssSelector("header nav"));

        foreach (var path in new[] { "/", "/units/town_chengguan", "/evaluations", "/downloads", "/evidence" })
        {
            Driver.Navigate().GoToUrl(new Uri(Site.BaseAddress, path));
            Browser.WaitFor(By.TagName("h1"));
            ((IJavaScriptExecutor)Driver).ExecuteScript("document.querySelectorAll('details').forEach(d => d.open = true);");
            var (page, window) = Widths();
            Assert.True(page <= window, $"{path} is {page} px wide on a {window} px screen");
        }

        Browser.Screenshot("phone-evidence.png");
    }

    private (long Page, long Window) Widths()
    {
        var widths = (IReadOnlyList<object>)((IJavaScriptExecutor)Driver).ExecuteScript(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth];")!;
        return (Convert.ToInt64(widths[0], System.Globalization.CultureInfo.InvariantCulture), Convert.ToInt64(widths[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    private async Task AddEvidenceAsync()
    {
        var at = Site.Time.GetUtcNow();
        await Site.Stores.Ledger.SaveAsync(
            Site.LedgerItem("LPHONE1", "town_chengguan", "窗口单位办事推诿扯皮、群众反映强烈的问题") with
            {
                Evidence =
                [
                    new Evidence(at, Site.Seed.Secretary.Id, string.Empty)
                    {
                        Id = "EPHONE1", Kind = EvidenceKind.Document, FileName = "城关镇便民服务中心整改落实情况报告（第二稿）.pdf", File = EvidenceFileState.Failed, Attempts = 5,
                        Failure = "timed out",
                    },
                ],
            },
            CancellationToken.None);
    }
}
