using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>
/// Runs flows through the real <see cref="ConversationRouter"/> over one in-memory session and in-memory stores,
/// without the host: each line is one update, handled in well under a millisecond. Lines are typed as the console
/// reads them ("/cmd args" a command, anything else text); <see cref="PressAsync"/> presses a button of the last
/// prompt, <see cref="TimeoutAsync"/> fires the flow's timer, <see cref="PressStaleAsync"/> a button of an older one.
/// </summary>
internal sealed class FlowHarness
{
    public static readonly TimeSpan FlowTimeout = TimeSpan.FromMinutes(30);

    private readonly ConversationRouter _router;
    private readonly List<IReadOnlyList<Button>> _olderButtons = [];
    private long _sequence;

    public FlowHarness(IEnumerable<IFlowDefinition> flows, IEnumerable<ICommandHandler>? commands = null, CampaignDefinition? campaign = null, string user = "1", string? languageCode = null)
    {
        Campaign = campaign ?? TestCampaign.Create();
        User = new UserRef(user, LanguageCode: languageCode);
        Chat = new ChatRef("test", user, ChatKind.Private);
        Session = new Session { Key = $"{Chat.Channel}:{Chat.Id}:{User.Id}" };
        _router = new ConversationRouter(flows, commands ?? [], Chats, new FlowTimeouts(FlowTimeout));
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero));

    public CampaignDefinition Campaign { get; }

    public UserRef User { get; }

    public ChatRef Chat { get; }

    /// <summary>The conversation's session, keyed as the inbox keys it ("channel:chat:user").</summary>
    public Session Session { get; }

    public Member? Member { get; set; }

    public InMemoryChatStore Chats { get; } = new();

    /// <summary>The last update's context: its replies, jobs, notifications and press notice.</summary>
    public FlowContext? Last { get; private set; }

    /// <summary>The buttons of the last message that showed any.</summary>
    public IReadOnlyList<Button> Buttons { get; private set; } = [];

    /// <summary>Sends each line in turn; returns the texts of every reply, one per line of output.</summary>
    public async Task<string> SayAsync(params string[] lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var output = new List<string>();
        foreach (var line in lines)
        {
            output.Add(await SendAsync(line.StartsWith('/') ? Command(line) : new TextInput(line)));
        }

        return string.Join('\n', output);
    }

    /// <summary>Presses the button of the last prompt whose label is <paramref name="label"/>.</summary>
    public Task<string> PressAsync(string label) =>
        SendAsync(new ButtonPress(Buttons.Single(b => b.Label == label).Payload));

    /// <summary>Presses a button of a prompt shown before the last one (the first button that is no longer current).</summary>
    public Task<string> PressStaleAsync() =>
        SendAsync(new ButtonPress(_olderButtons.SelectMany(b => b).First(b => !Buttons.Contains(b)).Payload));

    /// <summary>The flow's timer fires for the current prompt (as the scheduler would after <see cref="FlowTimeout"/>).</summary>
    public Task<string> TimeoutAsync()
    {
        Time.Advance(FlowTimeout);
        return SendAsync(new TimerElapsed("flow-timeout", Session.PromptToken ?? "-"));
    }

    public async Task<string> SendAsync(InboundContent content)
    {
        var update = new Inbound($"u{++_sequence}", _sequence, Chat, User, content, Time.GetUtcNow());
        var context = new FlowContext(update, Session, Member, Campaign, Time.GetUtcNow());
        await _router.RouteAsync(context, CancellationToken.None);
        Session.Version++;
        Member = context.Member;
        Last = context;
        if (context.Replies.OfType<TextMessage>().LastOrDefault(m => m.Buttons is { Count: > 0 }) is { Buttons: { } rows })
        {
            _olderButtons.Add(Buttons);
            Buttons = rows.SelectMany(row => row).ToList();
        }

        return string.Join('\n', context.Replies.OfType<TextMessage>().Select(m => m.Text));
    }

    private static CommandInput Command(string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new CommandInput(line[1..], string.Empty) : new CommandInput(line[1..space], line[(space + 1)..].Trim());
    }
}
