using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Conversations;

/// <summary>
/// Everything a flow sees while it handles one update, and what it produces: replies and jobs.
/// Effects are collected here and stored by the <see cref="UpdateHandler"/>, never sent directly.
/// </summary>
public sealed class FlowContext(Inbound update, Session session, Member? member, CampaignDefinition campaign, DateTimeOffset now)
{
    private readonly List<Outbound> _replies = [];
    private readonly List<ScheduledJob> _jobs = [];
    private readonly List<string> _cancelledJobs = [];
    private readonly List<(ChatRef Chat, Outbound Message)> _notifications = [];
    private readonly List<OnceNotification> _onceNotifications = [];

    public Inbound Update { get; } = update;

    public Session Session { get; } = session;

    public Member? Member { get; set; } = member;

    public CampaignDefinition Campaign { get; } = campaign;

    public DateTimeOffset Now { get; } = now;

    public Language Language => Update.Sender.Language;

    public IReadOnlyList<Outbound> Replies => _replies;

    public IReadOnlyList<ScheduledJob> Jobs => _jobs;

    public IReadOnlyList<string> CancelledJobs => _cancelledJobs;

    /// <summary>Messages to other chats (a reviewer, a unit's group, the office), stored with this update's effects.</summary>
    public IReadOnlyList<(ChatRef Chat, Outbound Message)> Notifications => _notifications;

    /// <summary>Messages under an id of their own (not the update's): whatever causes them again, each id is stored once.</summary>
    public IReadOnlyList<OnceNotification> OnceNotifications => _onceNotifications;

    /// <summary>Set when a button press was refused, so the channel can show why on the button itself.</summary>
    public string? PressNotice { get; private set; }

    /// <summary>The label of the button whose press was taken, so the channel can mark what was chosen.</summary>
    public string? PressChoice { get; set; }

    /// <summary>
    /// True when a pressed button answered the active flow's current prompt: the flow's next prompt may then
    /// replace that prompt message where the channel can edit (see <see cref="PromptMessages"/>).
    /// </summary>
    public bool PressAnsweredPrompt { get; set; }

    public string Text(string chinese, string english) => Language == Language.English ? english : chinese;

    public string Text(Text text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.In(Language);
    }

    public void Reply(Text text, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) =>
        _replies.Add(new TextMessage(Text(text), buttons));

    public void Reply(string chinese, string english, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) =>
        _replies.Add(new TextMessage(Text(chinese, english), buttons));

    public void Reply(Outbound message) => _replies.Add(message);

    /// <summary>Tells another chat something; it is sent through the outbox like a reply.</summary>
    public void Notify(ChatRef chat, Outbound message)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        _notifications.Add((chat, message));
    }

    /// <summary>Sends the replies added from index <paramref name="from"/> on to <paramref name="chat"/> instead (a personal answer asked for in a group).</summary>
    public void MoveRepliesTo(ChatRef chat, int from)
    {
        ArgumentNullException.ThrowIfNull(chat);
        foreach (var reply in _replies.Skip(from))
        {
            _notifications.Add((chat, reply));
        }

        _replies.RemoveRange(from, _replies.Count - from);
    }

    /// <summary>
    /// Tells another chat something under <paramref name="outboxId"/>: the outbox keeps the first message with an id, so
    /// a second one with the same id (another press, another day's run) is not sent. It goes out at <paramref name="notBefore"/>
    /// at the earliest (quiet hours).
    /// </summary>
    public void NotifyOnce(string outboxId, ChatRef chat, Outbound message, DateTimeOffset? notBefore = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxId);
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        _onceNotifications.Add(new OnceNotification(outboxId, chat, message, notBefore ?? Now));
    }

    public void RefusePress(string chinese, string english) => PressNotice = Text(chinese, english);

    public void RefusePress(Text text) => PressNotice = Text(text);

    public void Schedule(ScheduledJob job) => _jobs.Add(job);

    public void CancelJob(string id) => _cancelledJobs.Add(id);

    /// <summary>A token for the next prompt, derived from the update so a re-run produces the same buttons.</summary>
    public string NewPromptToken() => ButtonPayload.TokenFor(Update.UpdateId, Session.Version);
}

/// <summary>A message with an id of its own and the earliest time it may go out.</summary>
public sealed record OnceNotification(string OutboxId, ChatRef Chat, Outbound Message, DateTimeOffset NotBefore);
