namespace CampaignBot.Core.Conversations;

/// <summary>
/// Starts a flow: the router for a flow's own command, a command handler for a verb of a one-shot command
/// ("/ledger add" with nothing after it) that continues as a conversation.
/// </summary>
public static class FlowStart
{
    public static async Task StartAsync(IFlowDefinition definition, FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(context);
        context.Session.ClearFlow();
        context.Session.Flow = definition.Name;
        var started = definition.Open(context);
        await started.StartAsync(cancellationToken);
        if (started.IsFinished)
        {
            context.Session.ClearFlow();
        }
    }
}
