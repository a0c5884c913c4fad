namespace CampaignBot.Core.Features.Groups;

/// <summary>
/// Told when a group was linked to a unit (/link), so features that had nowhere to post (pledges published before the
/// group existed) can post there now, through the context's effects.
/// </summary>
public interface IGroupLinkListener
{
    Task GroupLinkedAsync(FlowContext context, ChatRecord group, string unitId, CancellationToken cancellationToken);
}
