using CampaignBot.Features.Registration;
using CampaignBot.ConsoleChannel;
using CampaignBot.Tests.Configuration;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Tests.Hosting;

/// <summary>
/// The real host on a SQLite file of its own and the shipped campaign, with the console channel reading a
/// script instead of the terminal. Running it twice on the same folder is a restart.
/// </summary>
internal sealed class BotUnderTest : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-host-tests", Guid.NewGuid().ToString("N"));

    public string DatabasePath => Path.Combine(_folder, "campaignbot.db");

    /// <summary>With no Campaign:File, as a newcomer starts it: the demo campaign, stored in this test's folder.</summary>
    public bool UsesDemoCampaign { get; init; }

    public string DemoCampaignPath => Path.Combine(_folder, "campaign.demo.yaml");

    public Dictionary<string, string?> Settings => UsesDemoCampaign
        ? new()
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Campaign:DemoFile"] = DemoCampaignPath,
            ["Console:Enabled"] = "true",
            ["Pipeline:PollInterval"] = "00:00:00.020",
        }
        : new()
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Campaign:File"] = Path.Combine(CampaignFiles.RepoRoot, "config", "campaign.yaml"),
            ["Console:Enabled"] = "true",
            ["Pipeline:PollInterval"] = "00:00:00.020",
        };

    /// <summary>Runs the bot over the given lines as user <paramref name="user"/>; returns what it printed.</summary>
    public async Task<string> ChatAsync(string user, params string[] lines)
    {
        var transcript = new StringWriter();
        var settings = Settings;
        settings["Console:User"] = user;
        // A console run is on the real clock: no quiet hours, so a notice to another person arrives when CI runs in Beijing's night.
        settings["Reminders:QuietStart"] = "00:00";
        settings["Reminders:QuietEnd"] = "00:00";
        using var host = await CampaignBotApp.BuildAsync([], settings, builder =>
        {
            builder.Services.AddSingleton(new ConsoleInput(new StringReader(string.Join('\n', lines)), StopWhenInputEnds: true));
            builder.Services.AddSingleton(new ConsoleTranscript(transcript));
        });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the console run should end when its input ends");
        return transcript.ToString();
    }

    /// <summary>Runs the program's command line on this bot's campaign file and database; returns the exit code and what it printed.</summary>
    public async Task<(int Exit, string Output, string Error)> RunCliAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] settings = ["--Campaign:File", Settings["Campaign:File"]!, "--Storage:SqlitePath", DatabasePath];
        var exit = await CampaignBotCli.RunAsync([.. args, .. settings], output, error, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public async Task<StoreBundle> StoresAsync() => await Storage.Sqlite.SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);

    public async Task<string> CreateInviteAsync(string unit = "county_east", string role = "member", string? uses = null)
    {
        var args = new List<string> { "invite", "create", "--unit", unit, "--role", role };
        if (uses is not null)
        {
            args.AddRange(["--uses", uses]);
        }

        var output = new StringWriter();
        var stores = await StoresAsync();
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(Settings["Campaign:File"]!);
        Assert.Equal(0, await InviteCommand.CreateAsync(CampaignBotCli.Parse(args), campaign, stores.Invites, TimeProvider.System, output, CancellationToken.None));
        return output.ToString().Trim();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
