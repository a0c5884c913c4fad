using System.Drawing;
using System.Globalization;
using OpenQA.Selenium;

namespace CampaignBot.Dashboard.Tests;

/// <summary>The shipped campaign with one unit's name as long and odd as a real branch's can be (and with &lt; &gt; &amp; " ').</summary>
public sealed class LongNameFixture : IAsyncLifetime
{
    public const string LongName = "东县城关镇<党委>&\"镇村'联合党支部暨城关镇便民服务中心党员活动室（试点单位）";

    private readonly string campaignFile = Path.Combine(Path.GetTempPath(), $"campaignbot-long-name-{Guid.NewGuid():N}.yaml");

    public DashboardSite Site { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public async Task InitializeAsync()
    {
        var shipped = await File.ReadAllTextAsync(Path.Combine(DashboardSite.RepoRoot, "config", "campaign.yaml"));
        var renamed = shipped.Replace("name: 东县城关镇\n", $"name: '{LongName.Replace("'", "''", StringComparison.Ordinal)}'\n", StringComparison.Ordinal);
        Assert.NotEqual(shipped, renamed);
        await File.WriteAllTextAsync(campaignFile, renamed);
        Site = await DashboardSite.StartAsync(new() { ["Campaign:File"] = campaignFile, ["Dashboard:LinksPerWindow"] = "100" });
    }

    public async Task DisposeAsync()
    {
        Browser.Dispose();
        await Site.DisposeAsync();
        File.Delete(campaignFile);
    }
}

/// <summary>The charts as a reader sees them, on a phone and a desktop: every bar named, no name squeezing the bars away.</summary>
public sealed class ChartTests(LongNameFixture fixture) : IClassFixture<LongNameFixture>
{
    private DashboardSite Site => fixture.Site;

    private Browser Browser => fixture.Browser;

    private IWebDriver Driver => Browser.Driver;

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 1000)]
    public async Task A_long_unit_name_leaves_the_progress_chart_its_bars(int width, int height)
    {
        await SignInAsync(width, height, "/");

        var chart = Rendered("chart-progress");
        var box = Driver.FindElement(By.Id("chart-progress")).Size.Width;
        var plot = Pixels(chart, "[c.convertToPixel({ gridIndex: 0 }, [100, 0])[0] - c.convertToPixel({ gridIndex: 0 }, [0, 0])[0]]")[0];
        Assert.True(plot >= box / 2.0, $"the bars have {plot:F0} of the chart's {box} px at a {width} px window");
        Assert.Contains(Labels(chart), l => IsNameOf(l, LongNameFixture.LongName));
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 1000)]
    public async Task Every_bar_of_the_satisfaction_chart_is_named(int width, int height)
    {
        await SignInAsync(width, height, "/evaluations");

        var labels = Labels(Rendered("chart-satisfaction"));
        string[] units = ["示例市", "东县", LongNameFixture.LongName, "西区", "示例市职业技术学院"];
        foreach (var unit in units)
        {
            Assert.True(labels.Any(l => IsNameOf(l, unit)), $"{unit} has no label at a {width} px window; drawn: {string.Join(" | ", labels)}");
        }
    }

    /// <summary>The label is the name, or its start cut with an ellipsis.</summary>
    private static bool IsNameOf(string label, string name)
    {
        var start = label.TrimEnd('.', '…');
        return label == name || (start.Length > 0 && start.Length < label.Length && name.StartsWith(start, StringComparison.Ordinal));
    }

    private string Rendered(string id)
    {
        Browser.Wait().Until(d => d.FindElements(By.CssSelector($"#{id}[data-rendered='true'] canvas")).Count > 0);
        return $"var c = echarts.getInstanceByDom(document.getElementById('{id}'));";
    }

    private double[] Pixels(string chart, string expression) =>
        [.. ((IEnumerable<object>)((IJavaScriptExecutor)Driver).ExecuteScript($"{chart} return {expression};")!).Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture))];

    /// <summary>Every text the chart drew on its canvas (axis labels, legend), read from ECharts' scene.</summary>
    private List<string> Labels(string chart) =>
        [.. ((IEnumerable<object>)((IJavaScriptExecutor)Driver).ExecuteScript(
            $"{chart} return c.getZr().storage.getDisplayList(true).filter(function (e) {{ return e.style && typeof e.style.text === 'string' && !e.ignore && !e.invisible; }}).map(function (e) {{ return e.style.text; }});")!)
            .Select(v => v?.ToString() ?? string.Empty)];

    private async Task SignInAsync(int width, int height, string path)
    {
        Browser.Reset(Site.BaseAddress);
        Driver.Manage().Window.Size = new Size(width, height);
        Driver.Navigate().GoToUrl(await Site.LinkForAsync(Site.Seed.Office));
        Browser.WaitFor(By.CssSelector("form button")).Click();
        Browser.WaitFor(By.CssSelector("header nav"));
        Driver.Navigate().GoToUrl(new Uri(Site.BaseAddress, path));
    }
}
