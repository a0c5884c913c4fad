using Stateless;
using Stateless.Graph;

namespace CampaignBot.Core.Conversations;

/// <summary>Helpers shared by flows: the state accessor over the session, the graph export.</summary>
public static class FlowGraph
{
    /// <summary>A machine whose state is the session's, so saving the session saves the machine.</summary>
    public static StateMachine<TState, TTrigger> MachineOver<TState, TTrigger>(Session session, TState initial)
        where TState : struct, Enum =>
        new(
            () => Enum.TryParse<TState>(session.State, out var state) ? state : initial,
            state => session.State = state.ToString());

    /// <summary>Fires the flow's back trigger; on the first step says so and shows the step again. True when it went back.</summary>
    /// <summary>Goes back a step; at the first one, says so above the step asked again (one message).</summary>
    public static async Task<bool> TryGoBackAsync<TState, TTrigger>(StateMachine<TState, TTrigger> machine, TTrigger back, Action<Text> reprompt)
    {
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(reprompt);
        if (!machine.CanFire(back))
        {
            reprompt(FlowTexts.FirstStep);
            return false;
        }

        await machine.FireAsync(back);
        return true;
    }

    public static string Export<TState, TTrigger>(StateMachine<TState, TTrigger> machine) =>
        UmlDotGraph.Format(machine.GetInfo()).ReplaceLineEndings("\n").TrimEnd() + "\n";

    /// <summary>A context over an empty session, for exporting a flow's graph without a conversation.</summary>
    public static FlowContext PlaceholderContext(CampaignDefinition campaign) => new(
        new Inbound("graph", 0, new ChatRef("graph", "0", ChatKind.Private), new UserRef("0"), new TextInput(string.Empty), DateTimeOffset.UnixEpoch),
        new Session { Key = "graph" },
        null,
        campaign,
        DateTimeOffset.UnixEpoch);
}
