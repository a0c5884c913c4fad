namespace CampaignBot.Core.Conversations;

/// <summary>A kind of flow: how it is started and how a session's flow is opened again for the next update.</summary>
public interface IFlowDefinition
{
    /// <summary>Short, stable code stored in sessions and button payloads ("reg").</summary>
    string Name { get; }

    /// <summary>The command that starts it ("start").</summary>
    string Command { get; }

    /// <summary>False for flows that must not run in a group chat (they ask for personal data).</summary>
    bool AllowedInGroups { get; }

    string Title(Language language);

    /// <summary>Opens the flow over the context's session; the flow's state lives in that session.</summary>
    IConversationFlow Open(FlowContext context);

    /// <summary>The state graph in DOT (Stateless' export), checked in under docs/flows.</summary>
    string ExportGraph();
}

/// <summary>One flow over one session, for one update. Verbs fire the flow's state machine.</summary>
public interface IConversationFlow
{
    /// <summary>True once the flow reached an end state; the handler then clears it from the session.</summary>
    bool IsFinished { get; }

    /// <summary>
    /// True while the current step is a menu or list that asks nothing: a new command then leaves the flow and runs,
    /// instead of being refused with "finish this step first". Old-style flows override it for their menu states.
    /// </summary>
    bool LetsCommandsThrough => false;

    /// <summary>True while the current step takes a photo or a document (the ledger's evidence); files sent to other steps are refused.</summary>
    bool AcceptsFiles => false;

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Text, or a button press already checked to belong to this flow's current prompt.</summary>
    Task HandleInputAsync(string input, CancellationToken cancellationToken);

    Task BackAsync(CancellationToken cancellationToken);

    Task CancelAsync(CancellationToken cancellationToken);

    Task TimeoutAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Shows the current step again (after a refused input, a stale button, a stray command), with
    /// <paramref name="note"/> (why) above it in the same message: one event, one message.
    /// </summary>
    void Reprompt(Text? note = null);
}

/// <summary>Whether a command's answer may be shown where it was asked.</summary>
public enum CommandPrivacy
{
    /// <summary>The answer is fit for any chat it is asked in.</summary>
    Public,

    /// <summary>
    /// The answer holds personal data (a profile, who is behind, an export): asked in a group, the group is told to use the
    /// private chat and the answer goes privately to the asker. The router applies this once for every such command.
    /// </summary>
    Personal,
}

/// <summary>A one-shot command that needs no conversation state (/me, /help).</summary>
public interface ICommandHandler
{
    string Command { get; }

    /// <summary>Declared by each command that returns personal data; the router keeps such answers out of groups.</summary>
    CommandPrivacy Privacy => CommandPrivacy.Public;

    /// <summary>
    /// Null when <paramref name="member"/> can use the command at all, otherwise a line fit for a group saying whom it is for:
    /// by default its catalogue line (a feature's <see cref="ICommandAudienceCheck"/> may still let them in). A personal
    /// command asked in a group by someone it is not for answers there with this line and sends nothing privately.
    /// </summary>
    Text? NotFor(Member? member, CampaignDefinition campaign) => CommandUsers.NotFor(Command, member, campaign);

    Task HandleAsync(FlowContext context, CancellationToken cancellationToken);
}
