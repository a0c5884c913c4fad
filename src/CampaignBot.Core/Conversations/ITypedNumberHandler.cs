namespace CampaignBot.Core.Conversations;

/// <summary>
/// A bare number typed in a private chat while no flow is waiting: a feature that sent the person buttons outside a
/// flow (a private ballot) may read it as a press, for clients that show buttons as numbered text. The first handler
/// that answers wins; when none does, the number is ordinary text.
/// </summary>
public interface ITypedNumberHandler
{
    /// <summary>True when the number was taken (answered or refused with a reply); false to leave it to others.</summary>
    Task<bool> TryHandleAsync(FlowContext context, int number, CancellationToken cancellationToken);
}
