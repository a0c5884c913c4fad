using CampaignBot.Features.Registration;
using CampaignBot.Cli;
using CampaignBot.Configuration;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.ExamPledges;

/// <summary>
/// The real host in polling mode against the Bot API stand-in, on a SQLite file of its own and the shipped
/// campaign. Stopping and starting it again on the same folder is a restart.
/// </summary>
public sealed class TelegramCampaign : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-exam-telegram", Guid.NewGuid().ToString("N"));
    private IHost? _host;

    private TelegramCampaign(BotApiStandIn standIn) => StandIn = standIn;

    public BotApiStandIn StandIn { get; }

    public StoreBundle Stores => (_host ?? throw new InvalidOperationException("The bot is not running.")).Services.GetRequiredService<StoreBundle>();

    private string DatabasePath => Path.Combine(_folder, "campaignbot.db");

    /// <summary>
    /// The shipped campaign with its dates moved so that today is inside it (as the demo moves its own): the host runs on
    /// the real clock, and reminders and asks go out only on the campaign's days.
    /// </summary>
    private string CampaignFile => DemoCampaign.Prepare(Path.Combine(RepoPaths.Root(), "config", "campaign.yaml"), Path.Combine(_folder, "campaign.yaml"), DateTimeOffset.UtcNow);

    public static async Task<TelegramCampaign> StartAsync()
    {
        var campaign = new TelegramCampaign(await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits));
        await campaign.RestartAsync();
        return campaign;
    }

    public async Task RestartAsync()
    {
        await StopAsync();
        _host = await CampaignBotApp.BuildAsync([], new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = DatabasePath,
            ["Campaign:File"] = CampaignFile,
            ["Console:Enabled"] = "false",
            ["Pipeline:PollInterval"] = "00:00:00.020",
            // The host runs on the real clock: no quiet hours, so a reminder made due now is sent now at any hour.
            ["Reminders:QuietStart"] = "00:00",
            ["Reminders:QuietEnd"] = "00:00",
            ["Telegram:Token"] = TelegramHarness.Token,
            ["Telegram:ApiBaseUrl"] = StandIn.BaseUrl,
            ["Telegram:PollTimeoutSeconds"] = "1",

            // The pacing is tested elsewhere; here it would only make a long conversation slow.
            ["Telegram:PrivateChatPerSecond"] = "0",
            ["Telegram:GroupPerMinute"] = "0",
        });
        await _host.StartAsync();
    }

    public TelegramMember Member(long userId) => new(StandIn.State, userId);

    /// <summary>Registers a Telegram user through /start with an invite for the unit and role, as an ordinary member.</summary>
    public async Task<TelegramMember> RegisterAsync(long userId, string name, string unit, string role = "member")
    {
        var output = new StringWriter();
        var stores = await SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);
        var args = CampaignBotCli.Parse(["invite", "create", "--unit", unit, "--role", role]);
        Assert.Equal(0, await InviteCommand.CreateAsync(args, CampaignLoader.Load(CampaignFile), stores.Invites, TimeProvider.System, output, CancellationToken.None));
        var member = Member(userId);
        await member.SayAsync("/start", "第 1 步");
        await member.SayAsync(output.ToString().Trim(), "第 2 步");
        await member.SayAsync(name, "第 3 步");
        await member.PressAsync("普通党员", "第 4 步");
        await member.PressAsync("确认", "注册成功");
        return member;
    }

    public async Task StopAsync()
    {
        if (_host is { } host)
        {
            await host.StopAsync();
            host.Dispose();
            _host = null;
        }
    }

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

}

/// <summary>One Telegram user (or a group, by chat id) talking to the bot: each step waits for a reply containing a text.</summary>
public sealed class TelegramMember(StandInState state, long userId, long? chatId = null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private int _callbacks;

    public long ChatId => chatId ?? userId;

    public IReadOnlyList<SentMessage> Received => [.. state.Sent.Where(m => m.ChatId == ChatId && m.Method != "answerCallbackQuery")];

    public TelegramMember InGroup(long groupId) => new(state, userId, groupId);

    /// <summary>Sends text and returns every message to this chat from then until one contains <paramref name="until"/>.</summary>
    public Task<string> SayAsync(string text, string until) => SendAsync(TelegramUpdates.Text(userId, text, chatId), until);

    /// <summary>Presses the button labelled <paramref name="label"/> on the latest message that has it.</summary>
    public Task<string> PressAsync(string label, string until)
    {
        var (message, data) = Received.Reverse().Select(m => (m, Buttons(m).FirstOrDefault(b => b.Label == label).Data)).First(x => x.Data is not null);
        return PressDataAsync(data!, message.MessageId, until);
    }

    public Task<string> PressDataAsync(string data, int messageId, string until) =>
        SendAsync(TelegramUpdates.Callback(userId, data, chatId, messageId, $"cb-{userId}-{Interlocked.Increment(ref _callbacks)}"), until);

    /// <summary>The callback data of a button on the latest message that has it.</summary>
    public (string Data, int MessageId) Button(string label) =>
        Received.Reverse().Select(m => (Data: Buttons(m).FirstOrDefault(b => b.Label == label).Data, m.MessageId)).First(x => x.Data is not null)!;

    public async Task<string> SendAsync(JsonObject update, string until)
    {
        var before = Received.Count;
        state.QueueUpdate(update);
        await WaitForAsync(until, before);
        return Since(before);
    }

    /// <summary>Waits for a message nobody asked for (a notification), counting from message <paramref name="from"/>.</summary>
    public async Task<string> WaitForAsync(string text, int from = 0)
    {
        try
        {
            await state.WaitForAsync(_ => Since(from).Contains(text, StringComparison.Ordinal), Patience, $"\"{text}\" in chat {ChatId}");
        }
        catch (TimeoutException ex)
        {
            throw new TimeoutException($"{ex.Message} Received instead: {Since(from)}", ex);
        }

        return Since(from);
    }

    private string Since(int index) => string.Join("\n", Received.Skip(index).Select(m => m.Text));

    private static IEnumerable<(string Label, string Data)> Buttons(SentMessage message) =>
        message.ReplyMarkup is null
            ? []
            : JsonNode.Parse(message.ReplyMarkup)!["inline_keyboard"]!.AsArray()
                .SelectMany(row => row!.AsArray())
                .Select(b => (b!["text"]!.GetValue<string>(), b["callback_data"]!.GetValue<string>()));
}
