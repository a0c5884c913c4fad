namespace CampaignBot.Core.Conversations;

/// <summary>
/// Handles presses whose payload starts with "<see cref="Prefix"/>:" outside any conversation flow (votes: many people
/// press one group message). The router hands such presses over before it looks at the session's flow.
/// </summary>
public interface IButtonHandler
{
    /// <summary>Short and unique ("ev").</summary>
    string Prefix { get; }

    /// <summary>Validates the untrusted payload; a refusal is a <see cref="FlowContext.RefusePress"/> notice that changes nothing.</summary>
    Task HandleAsync(FlowContext context, ButtonPress press, CancellationToken cancellationToken);
}
