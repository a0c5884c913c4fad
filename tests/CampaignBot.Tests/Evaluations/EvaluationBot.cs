using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Evaluations;

/// <summary>
/// The real host's services on a SQLite file of its own, not started, on a fake clock: a test hands updates to the
/// inbox, runs the dispatcher and the scheduler once, and reads (and marks sent) what the bot put in the outbox.
/// </summary>
internal sealed class EvaluationBot : IAsyncDisposable
{
    public const string Secret = "test-ballot-secret-0123456789";

    public static readonly ChatRef Group = new("console", "group-east", ChatKind.Group, "东县党员群众群");

    private readonly BotUnderTest _files;
    private readonly bool _ownsFiles;
    private IHost _host;
    private long _sequence;

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IHostApplicationBuilder>? _configure;

    private EvaluationBot(BotUnderTest files, Dictionary<string, string?> settings, Action<IHostApplicationBuilder>? configure, IHost host, FakeTimeProvider time, bool ownsFiles = true)
    {
        _files = files;
        _settings = settings;
        _configure = configure;
        _host = host;
        Time = time;
        _ownsFiles = ownsFiles;
    }

    public FakeTimeProvider Time { get; }

    public string? LastUpdateId { get; private set; }

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    /// <summary>The settings a command-line verb needs to open this bot's campaign and database.</summary>
    public string[] CliSettings => ["--Campaign:File", _files.Settings["Campaign:File"]!, "--Storage:SqlitePath", _files.DatabasePath];

    public IServiceProvider Services => _host.Services;

    /// <param name="configure">Changes to the host's services after the bot's own (a store wrapped for a test).</param>
    /// <param name="start">The fake clock's first reading; 1 March 2027, 09:00 in Beijing, unless given.</param>
    public static async Task<EvaluationBot> StartAsync(Dictionary<string, string?>? extra = null, Action<IHostApplicationBuilder>? configure = null, DateTimeOffset? start = null)
    {
        var files = new BotUnderTest();
        var settings = files.Settings;
        settings["Console:Enabled"] = "false";
        settings["Evaluation:BallotSecret"] = Secret;
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        var time = new FakeTimeProvider(start ?? new DateTimeOffset(2027, 3, 1, 1, 0, 0, TimeSpan.Zero));
        return new EvaluationBot(files, settings, configure, await BuildAsync(settings, time, configure), time);
    }

    /// <summary>
    /// A second host on the same SQLite file, settings and clock, as another process of the deployment: updates either
    /// host accepts are in one inbox, and either host's dispatcher may handle them. Disposing it leaves the files.
    /// </summary>
    public async Task<EvaluationBot> SecondHostAsync() =>
        new(_files, _settings, _configure, await BuildAsync(_settings, Time, _configure), Time, ownsFiles: false);

    /// <summary>Stops this host and builds a new one on the same store, settings and clock, as a restarted process would.</summary>
    public async Task RestartAsync()
    {
        await DisposeHostAsync();
        _host = await BuildAsync(_settings, Time, _configure);
    }

    private static Task<IHost> BuildAsync(Dictionary<string, string?> settings, FakeTimeProvider time, Action<IHostApplicationBuilder>? configure) =>
        CampaignBotApp.BuildAsync([], settings, b =>
        {
            b.Services.AddSingleton<TimeProvider>(time);
            configure?.Invoke(b);
        });

    public async Task<Member> RegisterAsync(string user, string role = Roles.Member, string unit = "county_east")
    {
        var member = TestMembers.OnConsole(user, "成员" + user, unit, role, "ordinary", Time.GetUtcNow());
        await Stores.Members.UpsertAsync(member, CancellationToken.None);
        return member;
    }

    public static ChatRef Private(string user) => new("console", user, ChatKind.Private);

    /// <summary>The language code a user's messenger reports ("en"); unset users report none (Chinese).</summary>
    public Dictionary<string, string> LanguageOf { get; } = new(StringComparer.Ordinal);

    /// <summary>One update from <paramref name="user"/> in <paramref name="chat"/>; returns everything the bot queued since.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> SendAsync(ChatRef chat, string user, InboundContent content)
    {
        await AcceptAsync(chat, user, content);
        await DispatchOnceAsync();
        return await DrainAsync();
    }

    /// <summary>Puts one update from <paramref name="user"/> in the inbox without handling it.</summary>
    public async Task AcceptAsync(ChatRef chat, string user, InboundContent content)
    {
        LastUpdateId = $"u-{Guid.NewGuid():N}";
        var update = new Inbound(LastUpdateId, Interlocked.Increment(ref _sequence), chat, new UserRef(user, LanguageCode: LanguageOf.GetValueOrDefault(user)), content, Time.GetUtcNow());
        await Services.GetRequiredService<IInboundSink>().AcceptAsync(update, CancellationToken.None);
    }

    /// <summary>Runs this host's dispatcher once: what it claims from the inbox, each conversation in parallel.</summary>
    public Task<int> DispatchOnceAsync() => Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);

    public Task<IReadOnlyList<OutboxMessage>> CommandAsync(ChatRef chat, string user, string name, string arguments = "") =>
        SendAsync(chat, user, new CommandInput(name, arguments));

    public Task<IReadOnlyList<OutboxMessage>> PressAsync(ChatRef chat, string user, string payload) =>
        SendAsync(chat, user, new ButtonPress(payload, $"cb-{Guid.NewGuid():N}"));

    /// <summary>Moves the clock, fires due jobs, handles what they put in the inbox; returns what was queued.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> AdvanceAsync(TimeSpan by)
    {
        Time.Advance(by);
        await Services.GetRequiredService<SchedulerWorker>().RunOnceAsync(CancellationToken.None);
        await Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);
        return await DrainAsync();
    }

    public async Task<IReadOnlyList<OutboxMessage>> DrainAsync()
    {
        var due = await Stores.Outbox.ClaimDueAsync("test-reader", Time.GetUtcNow().AddMinutes(1), TimeSpan.FromMinutes(5), 10_000, CancellationToken.None);
        foreach (var message in due)
        {
            await Stores.Outbox.MarkSentAsync(message.Id, null, Time.GetUtcNow(), CancellationToken.None);
        }

        return due;
    }

    /// <summary>
    /// Does <paramref name="act"/> at 23:30 Beijing (it returns what it queued); its notice to <paramref name="other"/> must wait
    /// for 08:00 (<see cref="NightNotice"/>). Returns the actor's reply, what was queued to <paramref name="actor"/>.
    /// </summary>
    public Task<string> AtNightAsync(ChatRef actor, ChatRef other, string notice, Func<Task<IReadOnlyList<OutboxMessage>>> act) =>
        NightNotice.HeldUntilMorningAsync(
            Time,
            async () => Textual(await DrainAsync()),
            other,
            notice,
            async () =>
            {
                var sent = await act();
                return (Texts(sent.Where(m => m.Chat.Key == actor.Key)), Textual(sent));
            });

    private static IEnumerable<(ChatRef Chat, string Text)> Textual(IEnumerable<OutboxMessage> sent) =>
        sent.Select(m => (m.Chat, Texts([m]))).ToList();

    public static string Texts(IEnumerable<OutboxMessage> messages) =>
        string.Join("\n", messages.Select(m => m.ReadBody() switch
        {
            TextMessage text => text.Text,
            EditMessage edit => "(edit) " + edit.Text,
            CallbackAnswer answer => $"(notice) {answer.Notice}",
            var other => other.GetType().Name,
        }));

    public static string? Notice(IEnumerable<OutboxMessage> messages) =>
        messages.Select(m => m.ReadBody()).OfType<CallbackAnswer>().Single().Notice;

    public async ValueTask DisposeAsync()
    {
        await DisposeHostAsync();
        if (_ownsFiles)
        {
            _files.Dispose();
        }
    }

    private async Task DisposeHostAsync()
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
