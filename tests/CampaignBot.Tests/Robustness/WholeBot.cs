using CampaignBot.Core.Conversations;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Robustness;

/// <summary>
/// Every feature of the real host over the shipped campaign and a SQLite file of its own, not started, on a fake clock:
/// each update goes straight to the <see cref="UpdateHandler"/> (session read, routing, one commit of session and effects),
/// so a case costs well under a millisecond of routing plus one write. The messages each update committed are kept by
/// update, for the properties to look at; nothing is sent.
/// </summary>
internal sealed class WholeBot : IAsyncDisposable
{
    /// <summary>2027-03-10 10:00 in Beijing: every unit of the shipped campaign has started, study and opinions are open.</summary>
    public static readonly DateTimeOffset Start = new(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);

    private readonly BotUnderTest _bot;
    private readonly IHost _host;
    private readonly UpdateHandler _handler;
    private readonly List<OutboxMessage> _committed = [];
    private long _sequence;

    private WholeBot(BotUnderTest bot, IHost host, FakeTimeProvider time)
    {
        _bot = bot;
        _host = host;
        Time = time;
        _handler = host.Services.GetRequiredService<UpdateHandler>();
        _handler.Committed += messages =>
        {
            lock (_committed)
            {
                _committed.AddRange(messages);
            }
        };
    }

    public FakeTimeProvider Time { get; }

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    public CampaignDefinition Campaign => _host.Services.GetRequiredService<CampaignDefinition>();

    /// <summary>Every flow's start command, as the router knows them.</summary>
    public IReadOnlyList<string> FlowCommands => [.. _host.Services.GetRequiredService<ConversationRouter>().Flows.Select(f => f.Command).Order(StringComparer.Ordinal)];

    /// <summary>Every one-shot command.</summary>
    public IReadOnlyList<string> Commands => [.. _host.Services.GetServices<ICommandHandler>().Select(c => c.Command).Order(StringComparer.Ordinal)];

    public static async Task<WholeBot> StartAsync()
    {
        var bot = new BotUnderTest();
        var settings = bot.Settings;
        settings["Console:Enabled"] = "false";
        settings["Evaluation:BallotSecret"] = "robustness-ballot-secret-0123456789";
        var time = new FakeTimeProvider(Start);
        var host = await CampaignBotApp.BuildAsync([], settings, builder =>
        {
            builder.Services.AddSingleton<TimeProvider>(time);
            builder.Logging.ClearProviders();
        });
        return new WholeBot(bot, host, time);
    }

    public static ChatRef Private(string user) => new("console", user, ChatKind.Private);

    /// <summary>A registered person of the shipped campaign, stored as a finished registration stores them.</summary>
    public async Task<Member> RegisterAsync(string user, string role, string unit, string rank, string? languageCode = null)
    {
        var member = TestMembers.OnConsole(user, "测试" + user, unit, role, rank, Start.AddDays(-30)) with { LanguageCode = languageCode };
        await Stores.Members.UpsertAsync(member, CancellationToken.None);
        return member;
    }

    /// <summary>Hands one update to the handler; returns what it committed (to any chat). An exception is the caller's to see.</summary>
    public async Task<Handled> SendAsync(UserRef user, InboundContent content, ChatRef? inChat = null)
    {
        var chat = inChat ?? Private(user.Id);
        var sequence = Interlocked.Increment(ref _sequence);
        var update = new Inbound($"rb-{sequence}", sequence, chat, user, content, Time.GetUtcNow());
        int before;
        lock (_committed)
        {
            before = _committed.Count;
        }

        await _handler.HandleAsync(update, CancellationToken.None);
        lock (_committed)
        {
            return new Handled(update, [.. _committed.Skip(before)]);
        }
    }

    public Task<Session?> SessionAsync(UserRef user, ChatRef? inChat = null) =>
        Stores.Sessions.GetAsync($"{(inChat ?? Private(user.Id)).Key}:{user.Id}", CancellationToken.None);

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

        _bot.Dispose();
    }
}

/// <summary>One update and the messages its commit stored, to whichever chat.</summary>
internal sealed record Handled(Inbound Update, IReadOnlyList<OutboxMessage> Messages)
{
    /// <summary>What the sender's chat was told (texts, documents, notices on a pressed button).</summary>
    public IReadOnlyList<Outbound> Replies => [.. Messages.Where(m => m.Chat == Update.Chat).Select(m => m.ReadBody())];

    public IReadOnlyList<TextMessage> Texts => [.. Replies.OfType<TextMessage>()];

    /// <summary>The buttons of the last text that showed any.</summary>
    public IReadOnlyList<Button> Buttons => Texts.LastOrDefault(t => t.Buttons is { Count: > 0 })?.Buttons?.SelectMany(row => row).ToList() ?? [];

    public string Transcript => string.Join("\n", Replies.Select(r => r switch
    {
        TextMessage text => text.Text,
        CallbackAnswer answer => $"(notice) {answer.Notice}",
        _ => r.GetType().Name,
    }));
}
