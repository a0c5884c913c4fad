using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace CampaignBot.Dashboard.Tests;

/// <summary>
/// Debian's headless Chromium driven by Selenium through Debian's chromedriver (no driver download). When either is
/// missing the tests fail and say how to install them (./scripts/test.sh does it on a fresh machine).
/// </summary>
public sealed class Browser : IDisposable
{
    private static readonly string ChromiumPath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium";
    private static readonly string DriverPath = Environment.GetEnvironmentVariable("CHROMEDRIVER_PATH") ?? "/usr/bin/chromedriver";
    private readonly Lazy<ChromeDriver> driver;

    public Browser()
    {
        DownloadFolder = Path.Combine(Path.GetTempPath(), "campaignbot-dashboard-downloads", Guid.NewGuid().ToString("N"));
        driver = new Lazy<ChromeDriver>(Start);
    }

    public string DownloadFolder { get; }

    public ChromeDriver Driver => driver.Value;

    /// <summary>Where screenshots go: DASHBOARD_SCREENSHOTS, or TestResults/dashboard-screenshots in the repository.</summary>
    public static string ScreenshotFolder =>
        Environment.GetEnvironmentVariable("DASHBOARD_SCREENSHOTS") is { Length: > 0 } folder ? folder : Path.Combine(DashboardSite.RepoRoot, "TestResults", "dashboard-screenshots");

    public WebDriverWait Wait(int seconds = 20) => new(Driver, TimeSpan.FromSeconds(seconds));

    public IWebElement WaitFor(By by) => Wait().Until(d => d.FindElements(by).FirstOrDefault(e => e.Displayed));

    public void Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder, name));
    }

    /// <summary>A fresh browser state: no cookies of the last test.</summary>
    public void Reset(Uri site)
    {
        Driver.Navigate().GoToUrl(new Uri(site, "/healthz"));
        Driver.Manage().Cookies.DeleteAllCookies();
    }

    public void Dispose()
    {
        if (driver.IsValueCreated)
        {
            driver.Value.Quit();
        }

        if (Directory.Exists(DownloadFolder))
        {
            Directory.Delete(DownloadFolder, recursive: true);
        }
    }

    private ChromeDriver Start()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(DriverPath))
        {
            Assert.Fail($"The browser tests need Chromium ({ChromiumPath}) and chromedriver ({DriverPath}). Install them with 'apt-get install -y chromium chromium-driver' (./scripts/test.sh does it when run as root), or set CHROMIUM_PATH and CHROMEDRIVER_PATH.");
        }

        Directory.CreateDirectory(DownloadFolder);
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1600", "--lang=zh-CN", "--no-first-run");
        // A Chinese reader's browser: headless Chromium would otherwise ask for en-US, whatever --lang says.
        options.AddUserProfilePreference("intl.accept_languages", "zh-CN,zh");
        options.AddUserProfilePreference("download.default_directory", DownloadFolder);
        options.AddUserProfilePreference("download.prompt_for_download", false);
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(DriverPath)!, Path.GetFileName(DriverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }
}
