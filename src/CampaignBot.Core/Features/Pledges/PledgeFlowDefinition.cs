using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>/pledge: choose pledge areas, write each pledge, preview, publish to the unit's group.</summary>
public sealed class PledgeFlowDefinition(IPledgeStore store, IChatStore chats, CampaignCalendar calendar, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "pledge";

    public string Command => "pledge";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "public pledge" : "公开承诺";

    public IConversationFlow Open(FlowContext context) => new PledgeFlow(context, store, chats, calendar, Name);

    public string ExportGraph() => new PledgeFlow(FlowGraph.PlaceholderContext(campaign), store, chats, calendar, Name).ExportGraph();
}

/// <summary>/checkin: how the member is keeping each published pledge this month (履约践诺); also started monthly by the scheduler.</summary>
public sealed class CheckInFlowDefinition(IPledgeStore store, CampaignCalendar calendar, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "checkin";

    public string Command => "checkin";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "keeping pledges" : "履约践诺";

    public IConversationFlow Open(FlowContext context) => new CheckInFlow(context, store, calendar, Name);

    public string ExportGraph() => new CheckInFlow(FlowGraph.PlaceholderContext(campaign), store, calendar, Name).ExportGraph();
}
