using CampaignBot.Features.Registration;
using System.Net;
using System.Net.Sockets;
using CampaignBot.Cli;
using CampaignBot.Configuration;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.EndToEnd;

/// <summary>
/// The real host (CampaignBotApp) on a SQLite file of its own and the shipped campaign, talking to a Bot API
/// stand-in over Telegram. Starting it again on the same folder is a restart.
/// </summary>
public sealed class TelegramBotUnderTest : IAsyncDisposable
{
    public const string WebhookSecret = "e2e-Webhook_secret";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-telegram-tests", Guid.NewGuid().ToString("N"));
    private IHost? _host;

    private TelegramBotUnderTest(BotApiStandIn standIn) => StandIn = standIn;

    public BotApiStandIn StandIn { get; }

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    public string DatabasePath => Path.Combine(_folder, "campaignbot.db");

    public static async Task<TelegramBotUnderTest> CreateAsync(StandInRules? rules = null) =>
        new(await BotApiStandIn.StartAsync(TelegramHarness.Token, rules ?? StandInRules.NoLimits));

    /// <summary>Starts the host in polling or webhook mode; <paramref name="extra"/> overrides settings.</summary>
    public async Task StartAsync(bool webhook = false, Dictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Campaign:File"] = Path.Combine(RepoPaths.Root(), "config", "campaign.yaml"),
            ["Console:Enabled"] = "false",
            ["Pipeline:PollInterval"] = "00:00:00.020",
            ["Telegram:Token"] = TelegramHarness.Token,
            ["Telegram:ApiBaseUrl"] = StandIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
        };
        if (webhook)
        {
            var url = $"http://127.0.0.1:{FreePort()}";
            settings["urls"] = url;
            settings["Telegram:Mode"] = "webhook";
            settings["Telegram:WebhookUrl"] = url + "/telegram/webhook";
            settings["Telegram:WebhookSecret"] = WebhookSecret;
        }

        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        _host = await CampaignBotApp.BuildAsync([], settings);
        await _host.StartAsync();
    }

    /// <summary>Stops the host the way a crash would leave things: nothing more is confirmed or sent.</summary>
    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            await host.StopAsync();
            host.Dispose();
            _host = null;
        }
    }

    public async Task<string> CreateInviteAsync()
    {
        var output = new StringWriter();
        var stores = await SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);
        var campaign = CampaignLoader.Load(Path.Combine(RepoPaths.Root(), "config", "campaign.yaml"));
        var args = CampaignBotCli.Parse(["invite", "create", "--unit", "county_east", "--role", "member"]);
        Assert.Equal(0, await InviteCommand.CreateAsync(args, campaign, stores.Invites, TimeProvider.System, output, CancellationToken.None));
        return output.ToString().Trim();
    }

    public IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await StandIn.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
