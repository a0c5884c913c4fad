using CampaignBot.Core.Pipeline;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Study;

/// <summary>The real host's services on a fake clock, not started: a test types lines and reads the replies.</summary>
internal sealed class StudyBot : IAsyncDisposable
{
    private readonly BotUnderTest _files = new();
    private IHost _host = null!;
    private long _sequence;

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2027, 3, 10, 10, 0, 0, TimeSpan.FromHours(8)));

    public StoreBundle Stores => _host.Services.GetRequiredService<StoreBundle>();

    /// <summary>Every text sent so far, to any chat, with the chat's id.</summary>
    public List<(string ChatId, string Text)> Sent { get; } = [];

    public static async Task<StudyBot> StartAsync()
    {
        var bot = new StudyBot();
        var settings = bot._files.Settings;
        settings["Console:Enabled"] = "false";
        bot._host = await CampaignBotApp.BuildAsync([], settings, builder => builder.Services.AddSingleton<TimeProvider>(bot.Clock));
        return bot;
    }

    public async Task<Member> AddMemberAsync(string user, string rank = "county", string role = Roles.Member, string unit = "county_east", string? name = null)
    {
        var member = TestMembers.OnConsole(user, name ?? "成员" + user, unit, role, rank, Clock.GetUtcNow());
        await Stores.Members.UpsertAsync(member, CancellationToken.None);
        return member;
    }

    /// <summary>Presses a button with this payload (as a channel with pop-up notices does) in the user's private chat, or in <paramref name="groupChat"/>.</summary>
    public Task<string> PressAsync(string user, string payload, string? groupChat = null) =>
        SendAsync(user, new ButtonPress(payload, CallbackId: $"cb-{Guid.NewGuid():N}"), groupChat is null ? null : new ChatRef("console", groupChat, ChatKind.Group));

    /// <summary>Sends each line in turn as the user; returns all the bot's texts to that user, joined by newlines.</summary>
    public async Task<string> SayAsync(string user, params string[] lines)
    {
        var texts = new List<string>();
        foreach (var line in lines)
        {
            texts.Add(await SendAsync(user, ConsoleChannel.ConsoleLine.ParseCommand(line) is { } command ? command : new TextInput(line)));
        }

        return string.Join("\n", texts);
    }

    private async Task<string> SendAsync(string user, InboundContent content, ChatRef? inChat = null)
    {
        var chat = inChat ?? new ChatRef("console", user, ChatKind.Private);
        var update = new Inbound($"study-{Guid.NewGuid():N}", Interlocked.Increment(ref _sequence), chat, new UserRef(user), content, Clock.GetUtcNow());
        await _host.Services.GetRequiredService<IInboundSink>().AcceptAsync(update, CancellationToken.None);
        await _host.Services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);
        var sent = await Stores.Outbox.ClaimDueAsync("test-reader", Clock.GetUtcNow().AddMinutes(1), TimeSpan.FromMinutes(5), 100, CancellationToken.None);
        foreach (var message in sent)
        {
            await Stores.Outbox.MarkSentAsync(message.Id, null, Clock.GetUtcNow(), CancellationToken.None);
        }

        Sent.AddRange(sent.Select(m => (m.Chat.Id, DirectBot.Texts([m.ReadBody()]))));
        return DirectBot.Texts(sent.Where(m => m.Chat.Id == chat.Id).Select(m => m.ReadBody()));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }

        _files.Dispose();
    }
}
