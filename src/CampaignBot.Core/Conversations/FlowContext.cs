namespace CampaignBot.Core.Conversations;

/// <summary>
/// Everything a flow sees while it handles one update, and what it produces: replies and jobs.
/// Effects are collected here and stored by the <see cref="UpdateHandler"/>, never sent directly.
/// </summary>
public sealed class FlowContext(Inbound update, Session session, Member? member, CampaignDefinition campaign, DateTimeOffset now) : IEffects
{
    private readonly List<Outbound> _replies = [];
    private readonly List<ScheduledJob> _jobs = [];
    private readonly List<string> _cancelledJobs = [];
    private readonly List<(ChatRef Chat, Outbound Message)> _notifications = [];
    private readonly List<KeyedMessage> _keyed = [];

    public Inbound Update { get; } = update;

    public Session Session { get; } = session;

    public Member? Member { get; set; } = member;

    public CampaignDefinition Campaign { get; } = campaign;

    public DateTimeOffset Now { get; } = now;

    /// <summary>
    /// The sender's language: what their messenger says, or, where it says nothing (WeCom), what their member record holds
    /// (campaignbot members set --lang), else Chinese.
    /// </summary>
    public Language Language =>
        Update.Sender.LanguageCode is null && Member?.LanguageCode is { } stored ? new UserRef(Update.Sender.Id, null, stored).Language : Update.Sender.Language;

    public IReadOnlyList<Outbound> Replies => _replies;

    public IReadOnlyList<ScheduledJob> Jobs => _jobs;

    public IReadOnlyList<string> CancelledJobs => _cancelledJobs;

    /// <summary>
    /// Messages to other chats (a reviewer, a unit's group, the office), stored with this update's effects; one to another
    /// person's private chat waits out the quiet hours.
    /// </summary>
    public IReadOnlyList<(ChatRef Chat, Outbound Message)> Notifications => _notifications;

    /// <summary>Messages whose id is their key (see <see cref="IEffects.Notify"/>), stored with this update's effects.</summary>
    public IReadOnlyList<KeyedMessage> KeyedNotifications => _keyed;

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
        Reply(new TextMessage(Text(text), buttons));

    public void Reply(string chinese, string english, IReadOnlyList<IReadOnlyList<Button>>? buttons = null) =>
        Reply(new TextMessage(Text(chinese, english), buttons));

    /// <summary>Replies in this chat; an empty text is refused (a channel would drop it or fail, leaving the user stuck).</summary>
    public void Reply(Outbound message) => _replies.Add(NotEmpty(message));

    /// <summary>Replies with each message in turn (a text with its spreadsheet and chart).</summary>
    public void ReplyAll(IEnumerable<Outbound> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            Reply(message);
        }
    }

    /// <summary>Tells another chat something; it is sent through the outbox like a reply. An empty text is refused.</summary>
    public void Notify(ChatRef chat, Outbound message)
    {
        ArgumentNullException.ThrowIfNull(chat);
        _notifications.Add((chat, NotEmpty(message)));
    }

    /// <summary>No outbound text may be empty: it is a bug in whatever built it, so it fails here, where it is made.</summary>
    public static Outbound NotEmpty(Outbound message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = message switch
        {
            TextMessage m => m.Text,
            EditMessage m => m.Text,
            _ => "-",
        };
        return string.IsNullOrWhiteSpace(text)
            ? throw new InvalidOperationException("A message to send has no text; nothing may be sent empty.")
            : message;
    }

    public void Notify(ChatRef chat, Outbound message, string? key)
    {
        if (key is null)
        {
            Notify(chat, message);
            return;
        }

        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        _keyed.Add(new KeyedMessage(key, chat, message));
    }

    public void Notify(ChatRef chat, Outbound message, string key, DateTimeOffset? notBefore) => NotifyOnce(key, chat, message, notBefore);

    /// <summary>The sender's own private chat (for what is meant for them alone: operator instructions, personal data).</summary>
    public ChatRef SenderPrivateChat => new(Update.Chat.Channel, Update.Sender.Id, ChatKind.Private);

    /// <summary>
    /// A reply meant for the sender alone: in a private chat an ordinary reply; in a group it goes to the sender's private
    /// chat, so the group never reads an operator's instructions.
    /// </summary>
    public void ReplyPrivately(Text text, IReadOnlyList<IReadOnlyList<Button>>? buttons = null)
    {
        var message = new TextMessage(Text(text), buttons);
        if (Update.Chat.Kind == ChatKind.Private)
        {
            Reply(message);
        }
        else
        {
            Notify(SenderPrivateChat, message);
        }
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
        _keyed.Add(new KeyedMessage(outboxId, chat, NotEmpty(message), notBefore));
    }

    /// <summary>
    /// As <see cref="NotifyOnce"/>, but urgent: it goes out at once even in the quiet hours. Every other notice to another
    /// person's private chat waits for their end (see <see cref="UpdateHandler"/>); use this only where waiting would be wrong.
    /// </summary>
    public void NotifyNow(string outboxId, ChatRef chat, Outbound message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outboxId);
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentNullException.ThrowIfNull(message);
        _keyed.Add(new KeyedMessage(outboxId, chat, NotEmpty(message), null, Urgent: true));
    }

    public void RefusePress(string chinese, string english) => PressNotice = Text(chinese, english);

    public void RefusePress(Text text) => PressNotice = Text(text);

    public void Schedule(ScheduledJob job) => _jobs.Add(job);

    public void CancelJob(string id) => _cancelledJobs.Add(id);

    /// <summary>A token for the next prompt, derived from the update so a re-run produces the same buttons.</summary>
    public string NewPromptToken() => ButtonPayload.TokenFor(Update.UpdateId, Session.Version);
}
