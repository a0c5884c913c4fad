using CampaignBot.Core.Storage;
using CampaignBot.Hosting;
using CampaignBot.Telegram.Tests.StandIn;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Bench;

/// <summary>The real host on a fresh SQLite file, polling a Bot API stand-in.</summary>
internal sealed class BenchBot : IAsyncDisposable
{
    private const string Token = "123456789:AAH-bench-token";
    private readonly string _folder;
    private readonly IHost _host;

    private BenchBot(BotApiStandIn standIn, IHost host, string folder)
    {
        StandIn = standIn;
        _host = host;
        _folder = folder;
    }

    public BotApiStandIn StandIn { get; }

    public IOutboxStore Outbox => _host.Services.GetRequiredService<IOutboxStore>();

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    public static async Task<BenchBot> StartAsync(StandInRules rules, Dictionary<string, string?> extra)
    {
        var standIn = await BotApiStandIn.StartAsync(Token, rules);
        // As shipped: the database in the content root's data folder, the default poll interval.
        var folder = Path.Combine(Directory.GetCurrentDirectory(), "data", "bench-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(folder, "bench.db"),
            ["Console:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        var host = await CampaignBotApp.BuildAsync([], settings);
        await host.StartAsync();
        return new BenchBot(standIn, host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        await StandIn.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
