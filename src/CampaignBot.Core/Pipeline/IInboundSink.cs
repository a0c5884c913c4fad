using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// Where channel adapters hand updates. It returns once the update is durably in the inbox,
/// so the adapter may then acknowledge the channel (move the offset, answer the webhook).
/// </summary>
public interface IInboundSink
{
    /// <summary>True when stored now; false when the inbox had it already (a redelivery).</summary>
    Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken);
}
