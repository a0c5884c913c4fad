using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.Evaluations;

/// <summary>The whole bot (polling, inbox, dispatcher, outbox, scheduler) on a SQLite file of its own, talking to a Bot API stand-in.</summary>
public sealed class EvaluationHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-ev-tests", Guid.NewGuid().ToString("N"));

    private EvaluationHost(BotApiStandIn standIn) => StandIn = standIn;

    public BotApiStandIn StandIn { get; }

    public IHost Host { get; private set; } = null!;

    public StoreBundle Stores => Host.Services.GetRequiredService<StoreBundle>();

    public static async Task<EvaluationHost> StartAsync(StandInRules rules)
    {
        var host = new EvaluationHost(await BotApiStandIn.StartAsync(TelegramHarness.Token, rules));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(host._folder, "campaignbot.db"),
            ["Campaign:File"] = Path.Combine(RepoRoot(), "config", "campaign.yaml"),
            ["Console:Enabled"] = "false",
            ["Pipeline:PollInterval"] = "00:00:00.020",
            // The host runs on the real clock: no quiet hours, so what a round sends goes out now at any hour.
            ["Reminders:QuietStart"] = "00:00",
            ["Reminders:QuietEnd"] = "00:00",
            ["Telegram:Token"] = TelegramHarness.Token,
            ["Telegram:ApiBaseUrl"] = host.StandIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
            ["Evaluation:BallotSecret"] = "telegram-test-ballot-secret-42",
        };
        host.Host = await CampaignBotApp.BuildAsync([], settings);
        await host.Host.StartAsync();
        return host;
    }

    public Task RegisterAsync(long userId, string role, string unit = "county_east") =>
        TelegramMembers.RegisterAsync(Stores.Members, userId, "活动办", role, unit, "section", DateTimeOffset.UtcNow);

    public static string RepoRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "CampaignBot.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("CampaignBot.sln not found above the test folder.");
    }

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await StandIn.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
