using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Pledges;

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
