using CampaignBot.Core.Pipeline;

namespace CampaignBot.Tests.Hosting;

/// <summary>
/// The real host's services, not started: a test hands updates to the inbox, runs the dispatcher once and
/// reads what the bot put in the outbox. For updates a terminal can't type (forged button payloads).
/// </summary>
internal sealed class DirectBot : IAsyncDisposable
{
    private readonly IHost _host;
    private long _sequence;

    private DirectBot(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    public static async Task<DirectBot> StartAsync(BotUnderTest bot)
    {
        var settings = bot.Settings;
        settings["Console:Enabled"] = "false";
        return new DirectBot(await CampaignBotApp.BuildAsync([], settings));
    }

    /// <summary>Sends one update from user <paramref name="user"/> in their private chat and returns the bot's replies.</summary>
    public async Task<IReadOnlyList<Outbound>> SendAsync(string user, InboundContent content, ChatRef? inChat = null)
    {
        var chat = inChat ?? new ChatRef("console", user, ChatKind.Private);
        var sequence = Interlocked.Increment(ref _sequence);
        var update = new Inbound($"direct-{Guid.NewGuid():N}", sequence, chat, new UserRef(user), content, DateTimeOffset.UtcNow);
        await _host.Services.GetRequiredService<IInboundSink>().AcceptAsync(update, CancellationToken.None);
        await _host.Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);
        var sent = await Stores.Outbox.ClaimDueAsync("test-reader", DateTimeOffset.UtcNow.AddMinutes(1), TimeSpan.FromMinutes(5), 100, CancellationToken.None);
        foreach (var message in sent)
        {
            await Stores.Outbox.MarkSentAsync(message.Id, null, DateTimeOffset.UtcNow, CancellationToken.None);
        }

        return [.. sent.Where(m => m.Chat.Id == chat.Id).Select(m => m.ReadBody())];
    }

    public Task<IReadOnlyList<Outbound>> SayAsync(string user, string text) =>
        SendAsync(user, ConsoleChannel.ConsoleLine.ParseCommand(text) is { } command ? command : new TextInput(text));

    public static string Texts(IEnumerable<Outbound> replies) =>
        string.Join("\n", replies.Select(r => r switch
        {
            TextMessage text => text.Text,
            CallbackAnswer answer => $"(notice) {answer.Notice}",
            _ => r.GetType().Name,
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
