using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using CampaignBot.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Dashboard.Tests;

/// <summary>
/// The real host (CampaignBotApp) with the dashboard on a free loopback port, its own SQLite file, the shipped
/// campaign (11 units), seeded data and a fake clock. Every log line is kept, to check that none holds a secret.
/// </summary>
public sealed partial class DashboardSite : IAsyncDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignbot-dashboard-tests", Guid.NewGuid().ToString("N"));
    private IHost? host;

    private DashboardSite()
    {
    }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("The site is not running.");

    public StoreBundle Stores => Services.GetRequiredService<StoreBundle>();

    public ConcurrentQueue<string> Logs { get; } = new();

    public DashboardSeed Seed { get; private set; } = null!;

    public static string RepoRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "CampaignBot.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("CampaignBot.sln not found above the test folder.");
        }
    }

    public static async Task<DashboardSite> StartAsync(Dictionary<string, string?>? extra = null)
    {
        var site = new DashboardSite();
        try
        {
            await site.StartHostAsync(extra);
            return site;
        }
        catch
        {
            await site.DisposeAsync();
            throw;
        }
    }

    /// <summary>A sign-in link for the member, made as /dashboard makes it.</summary>
    public async Task<string> LinkForAsync(Member member)
    {
        var (link, refusal) = await Services.GetRequiredService<DashboardSignIn>().IssueLinkAsync(member, CancellationToken.None);
        Assert.True(link is not null, $"No link for {member.Id}: {refusal}");
        return Services.GetRequiredService<DashboardAddress>().SignInUrl(link!.Token)!;
    }

    /// <summary>A client with its own cookies that does not follow redirects.</summary>
    public HttpClient NewClient() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Opens the link and presses the sign-in button, as a browser would; returns the signed-in client.</summary>
    public async Task<HttpClient> SignInAsync(Member member)
    {
        var client = NewClient();
        var page = await client.GetStringAsync(await LinkForAsync(member));
        var response = await client.PostAsync("/signin", new FormUrlEncodedContent(FormFields(page)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>The hidden fields of the page's (first) form.</summary>
    public static Dictionary<string, string> FormFields(string page) =>
        HiddenField().Matches(page).ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    public async ValueTask DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private async Task StartHostAsync(Dictionary<string, string?>? extra)
    {
        Directory.CreateDirectory(folder);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:SqlitePath"] = Path.Combine(folder, "campaignbot.db"),
            ["Campaign:File"] = Path.Combine(RepoRoot, "config", "campaign.yaml"),
            ["Console:Enabled"] = "false",
            ["Dashboard:Enabled"] = "true",
            ["Dashboard:SupervisorGroups:county_east:0"] = "university",
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        host = await CampaignBotApp.BuildAsync([], settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(Time);
            builder.Logging.AddProvider(new QueueLoggerProvider(Logs));
        });
        await host.StartAsync();
        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);

        // The address is recorded once the server has started; wait for it rather than racing the first link.
        var dashboard = host.Services.GetRequiredService<DashboardAddress>();
        for (var i = 0; dashboard.BaseUrl is null && i < 500; i++)
        {
            await Task.Delay(10);
        }

        Assert.NotNull(dashboard.BaseUrl);
        Seed = await DashboardSeed.CreateAsync(Stores, Time.GetUtcNow());
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">")]
    private static partial Regex HiddenField();

    private sealed class QueueLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new QueueLogger(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class QueueLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}
