using CampaignBot.Core.Messaging;

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

    Task StartAsync(CancellationToken cancellationToken);

    /// <summary>Text, or a button press already checked to belong to this flow's current prompt.</summary>
    Task HandleInputAsync(string input, CancellationToken cancellationToken);

    Task BackAsync(CancellationToken cancellationToken);

    Task CancelAsync(CancellationToken cancellationToken);

    Task TimeoutAsync(CancellationToken cancellationToken);

    /// <summary>Shows the current step again (after a refused input, a stale button, a stray command).</summary>
    void Reprompt();
}

/// <summary>A one-shot command that needs no conversation state (/me, /help).</summary>
public interface ICommandHandler
{
    string Command { get; }

    Task HandleAsync(FlowContext context, CancellationToken cancellationToken);
}
