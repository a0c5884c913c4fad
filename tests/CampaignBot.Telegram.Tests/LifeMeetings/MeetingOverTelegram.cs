
namespace CampaignBot.Telegram.Tests.LifeMeetings;

/// <summary>
/// The whole bot on a SQLite file of its own and the shipped campaign, talking to the Bot API stand-in, both on one fake
/// clock that moves only while a test waits (in quarter seconds) or when it jumps ahead. People are registered in the store.
/// </summary>
internal sealed partial class MeetingOverTelegram : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-meeting-tests", Guid.NewGuid().ToString("N"));
    private IHost _host = null!;
    private int _presses;

    private MeetingOverTelegram(BotApiStandIn standIn, FakeTimeProvider time)
    {
        StandIn = standIn;
        Time = time;
    }

    public BotApiStandIn StandIn { get; }

    public FakeTimeProvider Time { get; }

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    private StandInState State => StandIn.State;

    public static async Task<MeetingOverTelegram> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));
        var bot = new MeetingOverTelegram(await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits, time), time);
        var settings = PollingHost.Settings(bot.StandIn, Path.Combine(bot._folder, "campaignbot.db"));
        settings["Evaluation:BallotSecret"] = "telegram-meeting-ballot-secret-7";
        bot._host = await PollingHost.StartAsync(settings, time);
        return bot;
    }

    public Task RegisterAsync(long userId, string name, string role, string unit = "county_east") =>
        TelegramMembers.RegisterAsync(Stores.Members, userId, name, role, unit, "county", Time.GetUtcNow());

    /// <summary>Sends a text and returns the first message to that chat after it that contains <paramref name="marker"/>.</summary>
    public async Task<string> SayAsync(long user, string text, string marker)
    {
        var mark = State.Sent.Count;
        State.QueueUpdate(TelegramUpdates.Text(user, text));
        return await WaitForAsync(user, marker, mark);
    }

    /// <summary>Presses the button labelled <paramref name="label"/> on the latest message to the chat that shows it.</summary>
    public async Task<string> PressAsync(long user, string label, string marker)
    {
        var message = State.Sent.Last(m => m.ChatId == user && ButtonsOf(m).ContainsKey(label));
        var mark = State.Sent.Count;
        State.QueueUpdate(TelegramUpdates.Callback(user, ButtonsOf(message)[label], messageId: message.MessageId, id: $"cbq-{user}-{++_presses}"));
        return await WaitForAsync(user, marker, mark);
    }

    /// <summary>Waits, moving the clock, for a message (or edit) to <paramref name="chat"/> after index <paramref name="after"/> containing the marker.</summary>
    public async Task<string> WaitForAsync(long chat, string marker, int after = 0)
    {
        var started = DateTime.UtcNow;
        while (true)
        {
            if (State.Sent.Skip(after).LastOrDefault(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true) is { } found)
            {
                return found.Text!;
            }

            if (DateTime.UtcNow - started > Patience)
            {
                var seen = string.Join("\n---\n", State.Sent.Skip(after).Where(m => m.ChatId == chat).Select(m => m.Text));
                throw new TimeoutException($"Waited {Patience.TotalSeconds} s for '{marker}' to {chat}; it was sent:\n{seen}");
            }

            Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(5);
        }
    }

    public int Mark => State.Sent.Count;

    /// <summary>The number a list shows before <paramref name="label"/> ("2. 李委员").</summary>
    public static string NumberOf(string text, string label) =>
        Regex.Match(text, $@"(\d+)\. {Regex.Escape(label)}").Groups[1].Value is { Length: > 0 } n ? n : throw new InvalidOperationException($"'{label}' is not listed in: {text}");

    public static Dictionary<string, string> ButtonsOf(SentMessage message)
    {
        var buttons = new Dictionary<string, string>(StringComparer.Ordinal);
        if (message.ReplyMarkup is { } markup && JsonNode.Parse(markup)?["inline_keyboard"] is JsonArray rows)
        {
            foreach (var button in rows.OfType<JsonArray>().SelectMany(r => r.OfType<JsonObject>()))
            {
                if (button["text"]?.GetValue<string>() is { } text && button["callback_data"]?.GetValue<string>() is { } data)
                {
                    buttons[text] = data;
                }
            }
        }

        return buttons;
    }

    public SentMessage LastTo(long chat, string marker) => State.Sent.Last(m => m.ChatId == chat && m.Text?.Contains(marker, StringComparison.Ordinal) == true);

    public async ValueTask DisposeAsync() => await PollingHost.StopAsync(_host, StandIn, _folder);
}
