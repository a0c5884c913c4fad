namespace CampaignBot.Core.Messaging;

/// <summary>
/// What a channel can do where features must choose differently. A channel that registers nothing has every trait on.
/// </summary>
/// <param name="GroupsDeliverPresses">
/// False where presses in a group chat never reach the bot: a WeCom group is reached through its group robot (群机器人),
/// which only posts, and the app itself is in no group chat.
/// </param>
public sealed record ChannelTrait(string Channel, bool GroupsDeliverPresses);

/// <summary>The registered <see cref="ChannelTrait"/>s, by channel.</summary>
public sealed class ChannelTraits(IEnumerable<ChannelTrait> traits)
{
    private readonly Dictionary<string, ChannelTrait> _byChannel = traits.ToDictionary(t => t.Channel, StringComparer.Ordinal);

    public bool GroupsDeliverPresses(string channel) => !_byChannel.TryGetValue(channel, out var trait) || trait.GroupsDeliverPresses;
}
