using CampaignBot.Features.Registration;
using CampaignBot.Cli;
using CampaignBot.Configuration;
using CampaignBot.Core.Storage;
using CampaignBot.Hosting;
using CampaignBot.Storage.Sqlite;
using CampaignBot.WeCom.Crypto;
using CampaignBot.WeCom.Tests.StandIn;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>
/// The real host (CampaignBotApp) on a SQLite file of its own and the shipped campaign, with the WeCom channel
/// pointed at the API stand-in and a fake clock that the test moves while it waits.
/// </summary>
public sealed class WeComBotUnderTest : IAsyncDisposable
{
    public const string Token = "e2e-callback-token";
    public const int AgentId = 1000002;
    public const string EastRobot = "east-group";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-wecom-tests", Guid.NewGuid().ToString("N"));
    private IHost? _host;

    private WeComBotUnderTest(WeComStandIn standIn, DateTimeOffset start)
    {
        StandIn = standIn;
        Time = new FakeTimeProvider(start);
    }

    public WeComStandIn StandIn { get; }

    /// <summary>The bot's clock (now, unless the test names a start); it moves only when the test moves it.</summary>
    public FakeTimeProvider Time { get; }

    public WeComCallbackCrypto Crypto { get; } = new(Token, Tests.Crypto.OfficialSampleTests.EncodingAesKey, WeComStandIn.CorpId);

    public HttpClient Http { get; private set; } = new();

    public IServiceProvider Services => _host?.Services ?? throw new InvalidOperationException("The bot is not running.");

    public IOutboxStore Outbox => Services.GetRequiredService<IOutboxStore>();

    public IInboxStore Inbox => Services.GetRequiredService<IInboxStore>();

    public IChatStore Chats => Services.GetRequiredService<IChatStore>();

    public Core.Features.Examinations.IExaminationStore Examinations => Services.GetRequiredService<StoreBundle>().Examinations;

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

    private static string CampaignFile => Path.Combine(RepoRoot, "config", "campaign.yaml");

    private string DatabasePath => Path.Combine(_folder, "campaignbot.db");

    public static async Task<WeComBotUnderTest> StartAsync(Dictionary<string, string?>? extra = null, DateTimeOffset? start = null, Action<WeComStandIn>? prepare = null)
    {
        var bot = new WeComBotUnderTest(await WeComStandIn.StartAsync(), start ?? DateTimeOffset.UtcNow);
        try
        {
            prepare?.Invoke(bot.StandIn);
            await bot.StartHostAsync(extra);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    public WeComMember Member(string userId) => new(this, userId);

    /// <summary>Moves the fake clock in small steps until <paramref name="condition"/> holds, so paced and delayed work gets done.</summary>
    public Task WaitUntilAsync(Func<bool> condition, string what) => WaitUntilAsync(() => Task.FromResult(condition()), what);

    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var started = DateTime.UtcNow;
        while (!await condition())
        {
            if (DateTime.UtcNow - started > Patience)
            {
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for {what}.");
            }

            Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }

    /// <summary>Registers a member through the app, typing option numbers; rank 1 county, 2 section, 3 ordinary.</summary>
    public async Task<WeComMember> RegisterAsync(string userId, string name, string unit = "county_east", string role = "member", int rank = 3)
    {
        var code = await CreateInviteAsync(unit, role);
        var member = Member(userId);
        await member.SayAsync("/start");
        await member.WaitForAsync("第 1 步");
        await member.SayAsync(code);
        await member.WaitForAsync("第 2 步");
        await member.SayAsync(name);
        await member.WaitForAsync("第 3 步");
        await member.SayAsync(rank.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await member.WaitForAsync("第 4 步");
        await member.SayAsync("1");
        await member.WaitForAsync("注册成功");
        return member;
    }

    public async Task<string> CreateInviteAsync(string unit = "county_east", string role = "member")
    {
        var output = new StringWriter();
        var stores = await SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);
        var args = CampaignBotCli.Parse(["invite", "create", "--unit", unit, "--role", role]);
        Assert.Equal(0, await InviteCommand.CreateAsync(args, CampaignLoader.Load(CampaignFile), stores.Invites, Time, output, CancellationToken.None));
        return output.ToString().Trim();
    }

    /// <summary>The office sets the language a member reads, as campaignbot members set &lt;id&gt; --lang does (WeCom does not say it).</summary>
    public async Task SetLanguageAsync(string memberId, string language)
    {
        var stores = await SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);
        Assert.Equal(0, await CampaignBot.Features.Members.MembersCliCommand.ChangeAsync(
            memberId, CampaignLoader.Load(CampaignFile), stores.Members, [new Core.Features.Members.MemberChange.SetLanguage(language)], Time, TextWriter.Null, CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_host is { } host)
        {
            await host.StopAsync();
            host.Dispose();
        }

        await StandIn.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private async Task StartHostAsync(Dictionary<string, string?>? extra)
    {
        Directory.CreateDirectory(_folder);
        var settings = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:SqlitePath"] = DatabasePath,
            ["Campaign:File"] = CampaignFile,
            ["Console:Enabled"] = "false",
            ["Pipeline:PollInterval"] = "00:00:00.020",
            ["WeCom:CorpId"] = WeComStandIn.CorpId,
            ["WeCom:AgentId"] = AgentId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["WeCom:Secret"] = WeComStandIn.Secret,
            ["WeCom:Token"] = Token,
            ["WeCom:EncodingAESKey"] = Tests.Crypto.OfficialSampleTests.EncodingAesKey,
            ["WeCom:ApiBaseUrl"] = StandIn.BaseUrl,
            [$"WeCom:GroupRobots:{EastRobot}"] = WeComStandIn.RobotKey,
            [$"WeCom:RobotUnits:{EastRobot}"] = "county_east",
        };
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        _host = await CampaignBotApp.BuildAsync([], settings, builder => builder.Services.AddSingleton<TimeProvider>(Time));
        await _host.StartAsync();
        var address = _host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address) };
    }
}
