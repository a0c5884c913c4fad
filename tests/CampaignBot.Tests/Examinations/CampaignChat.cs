using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Examinations;

/// <summary>
/// The real host's services on a fake clock, not started: a test hands updates to the inbox, runs the dispatcher
/// (and, when it moves the clock, the scheduler) and reads every message the bot put in the outbox, to any chat.
/// </summary>
internal sealed class CampaignChat : IAsyncDisposable
{
    /// <summary>2027-01-20 10:00 in Beijing: every unit of the shipped campaign has started.</summary>
    public static readonly DateTimeOffset Start = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly IHost _host;
    private readonly List<(ChatRef Chat, Outbound Body)> _sent = [];
    private long _sequence;

    private CampaignChat(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public FakeTimeProvider Time { get; }

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    public IServiceProvider Services => _host.Services;

    public static async Task<CampaignChat> StartAsync(BotUnderTest bot, IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var settings = bot.Settings;
        settings["Console:Enabled"] = "false";
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(Start);
        var host = await CampaignBotApp.BuildAsync([], settings, builder => builder.Services.AddSingleton<TimeProvider>(time));
        return new CampaignChat(host, time);
    }

    /// <summary>The client language of a user ("en"), as Telegram's language_code or the console's --lang give it; Chinese when unset.</summary>
    public Dictionary<string, string> LanguageOf { get; } = new(StringComparer.Ordinal);

    public static ChatRef Private(string user) => new("console", user, ChatKind.Private);

    /// <summary>Sends one update and returns the texts the bot sent back to that chat.</summary>
    public async Task<string> SendAsync(string user, InboundContent content, ChatRef? inChat = null)
    {
        var chat = inChat ?? Private(user);
        var update = new Inbound($"chat-{Guid.NewGuid():N}", Interlocked.Increment(ref _sequence), chat, new UserRef(user, LanguageCode: LanguageOf.GetValueOrDefault(user)), content, Time.GetUtcNow());
        await _host.Services.GetRequiredService<IInboundSink>().AcceptAsync(update, CancellationToken.None);
        await _host.Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);
        return Texts(await DrainAsync(), chat);
    }

    /// <summary>Types a line as the console would read it: "/cmd args" is a command, anything else text.</summary>
    public Task<string> SayAsync(string user, string text) =>
        SendAsync(user, ConsoleChannel.ConsoleLine.ParseCommand(text) is { } command ? command : new TextInput(text));

    public async Task SayAllAsync(string user, params string[] lines)
    {
        foreach (var line in lines)
        {
            await SayAsync(user, line);
        }
    }

    /// <summary>Says each line and returns the replies to the last one.</summary>
    public async Task<string> SayAllThenAsync(string user, params string[] lines)
    {
        var last = string.Empty;
        foreach (var line in lines)
        {
            last = await SayAsync(user, line);
        }

        return last;
    }

    /// <summary>Fires the jobs due now, handles what they put in the inbox, and returns what was sent.</summary>
    public async Task<IReadOnlyList<(ChatRef Chat, Outbound Body)>> RunSchedulerAsync()
    {
        await _host.Services.GetRequiredService<SchedulerWorker>().RunOnceAsync(CancellationToken.None);
        await _host.Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);
        return await DrainAsync();
    }

    /// <summary>Everything sent so far to a chat, as text.</summary>
    public string SentTo(ChatRef chat) => Texts(_sent, chat);

    public IEnumerable<Outbound> BodiesTo(ChatRef chat) => _sent.Where(s => s.Chat.Key == chat.Key).Select(s => s.Body);

    /// <summary>The payload of the button labelled <paramref name="label"/> in the last message to the chat that had it.</summary>
    public string Payload(ChatRef chat, string label) => BodiesTo(chat).OfType<TextMessage>().Reverse()
        .SelectMany(m => m.Buttons?.SelectMany(r => r) ?? []).First(b => b.Label == label).Payload;

    /// <summary>
    /// Registers a member through /start with an invite for the unit and role; rank 1 county, 2 section, 3 ordinary.
    /// With <paramref name="language"/>, the person's client says that language from then on (as Telegram's language_code).
    /// </summary>
    public async Task RegisterAsync(BotUnderTest bot, string user, string name, string unit, string role = "member", int rank = 3, string? language = null)
    {
        if (language is not null)
        {
            LanguageOf[user] = language;
        }

        var code = await bot.CreateInviteAsync(unit, role);
        await SayAllAsync(user, "/start", code, name, rank.ToString(System.Globalization.CultureInfo.InvariantCulture), "1");
    }

    /// <summary>Does <paramref name="act"/> at 23:30 Beijing; its notice to <paramref name="other"/> must wait for 08:00 (<see cref="NightNotice"/>).</summary>
    public Task<string> AtNightAsync(ChatRef other, string notice, Func<Task<string>> act) =>
        NightNotice.HeldUntilMorningAsync(
            Time,
            async () => Textual(await DrainAsync()),
            other,
            notice,
            async () =>
            {
                var before = _sent.Count;
                var reply = await act();
                return (reply, Textual(_sent.Skip(before).ToList()));
            });

    private static IEnumerable<(ChatRef Chat, string Text)> Textual(IEnumerable<(ChatRef Chat, Outbound Body)> sent) =>
        sent.Select(s => (s.Chat, Texts([s], s.Chat)));

    private async Task<IReadOnlyList<(ChatRef Chat, Outbound Body)>> DrainAsync()
    {
        var now = Time.GetUtcNow();
        var claimed = await Stores.Outbox.ClaimDueAsync("test-reader", now.AddMinutes(1), TimeSpan.FromMinutes(5), 500, CancellationToken.None);
        var bodies = new List<(ChatRef, Outbound)>();
        foreach (var message in claimed)
        {
            await Stores.Outbox.MarkSentAsync(message.Id, null, now, CancellationToken.None);
            bodies.Add((message.Chat, message.ReadBody()));
        }

        _sent.AddRange(bodies);
        return bodies;
    }

    private static string Texts(IEnumerable<(ChatRef Chat, Outbound Body)> sent, ChatRef chat) =>
        string.Join("\n", sent.Where(s => s.Chat.Key == chat.Key).Select(s => s.Body switch
        {
            TextMessage text => text.Text,
            CallbackAnswer answer => $"(notice) {answer.Notice}",
            DocumentMessage document => $"[document] {document.FileName}",
            EditMessage edit => edit.Text,
            var other => other.GetType().Name,
        }));

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
        else
        {
            _host.Dispose();
        }
    }
}
