using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Study;

/// <summary>/research: field-research days (leaders).</summary>
public sealed class ResearchFlowDefinition(StudyServices services, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "research";

    public string Command => "research";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "field research" : "蹲点调研";

    public IConversationFlow Open(FlowContext context) => new ResearchFlow(context, services, Name);

    public string ExportGraph() => new ResearchFlow(FlowGraph.PlaceholderContext(campaign), services, Name).ExportGraph();
}

/// <summary>/visits: household pairings and visits (leaders).</summary>
public sealed class VisitsFlowDefinition(StudyServices services, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "visits";

    public string Command => "visits";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "household visits" : "走亲连心";

    public IConversationFlow Open(FlowContext context) => new VisitsFlow(context, services, Name);

    public string ExportGraph() => new VisitsFlow(FlowGraph.PlaceholderContext(campaign), services, Name).ExportGraph();
}
