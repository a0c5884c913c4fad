using CampaignBot.Core.Pipeline;
using CampaignBot.Telegram.Receiving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telegram.Bot;

namespace CampaignBot.Telegram.Tests.Support;

/// <summary>A stand-in plus the Telegram channel wired by AddTelegramChannel, with a recording inbox and captured logs.</summary>
public sealed class TelegramHarness : IAsyncDisposable
{
    public const string Token = "123456789:AAH-secret-Token_part-do-not-log";

    private TelegramHarness(BotApiStandIn standIn, IHost host, RecordingSink sink, LogCapture logs)
    {
        StandIn = standIn;
        Host = host;
        Sink = sink;
        Logs = logs;
    }

    public BotApiStandIn StandIn { get; }

    public IHost Host { get; }

    public RecordingSink Sink { get; }

    public LogCapture Logs { get; }

    public IServiceProvider Services => Host.Services;

    public ITelegramBotClient Bot => Services.GetRequiredService<ITelegramBotClient>();

    public IChannelSender Sender => Services.GetServices<IChannelSender>().Single(s => s.Channel == "telegram");

    public static async Task<TelegramHarness> StartAsync(
        StandInRules? rules = null, TimeProvider? standInTime = null, TimeSpan? httpTimeout = null, Dictionary<string, string?>? settings = null)
    {
        var standIn = await BotApiStandIn.StartAsync(Token, rules ?? StandInRules.NoLimits, standInTime);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        var logs = new LogCapture();
        var sink = new RecordingSink();
        builder.Logging.ClearProviders().AddProvider(logs).SetMinimumLevel(LogLevel.Trace);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = Token,
            ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.AddTelegramChannel();
        builder.Services.AddHttpClient(TelegramChannelExtensions.HttpClientName)
            .ConfigureHttpClient(c => c.Timeout = httpTimeout ?? TimeSpan.FromSeconds(30));
        return new TelegramHarness(standIn, builder.Build(), sink, logs);
    }

    /// <summary>A polling loop of its own (not hosted), with short back-off so retries happen quickly.</summary>
    public TelegramPollingService NewPoller() => new(
        Bot,
        Services.GetRequiredService<UpdateIntake>(),
        Services.GetRequiredService<RawUpdateReader>(),
        Services.GetRequiredService<IOptions<TelegramOptions>>(),
        TimeProvider.System,
        Services.GetRequiredService<ILogger<TelegramPollingService>>())
    {
        InitialBackoff = TimeSpan.FromMilliseconds(20),
        MaxBackoff = TimeSpan.FromMilliseconds(100),
    };

    /// <summary>Everything a test could see: log lines and the given results, joined for scanning.</summary>
    public string Everything(IEnumerable<object> results) => string.Join('\n', Logs.Lines.Concat(results.Select(r => r.ToString() ?? "")));

    public async ValueTask DisposeAsync()
    {
        Host.Dispose();
        await StandIn.DisposeAsync();
    }
}
