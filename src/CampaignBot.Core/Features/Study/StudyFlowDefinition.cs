using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Study;

/// <summary>/study: log, list and correct study sessions; collective sessions and confirmation for secretaries.</summary>
public sealed class StudyFlowDefinition(StudyServices services, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "study";

    public string Command => "study";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "study log" : "学习记录";

    public IConversationFlow Open(FlowContext context) => new StudyFlow(context, services, Name);

    public string ExportGraph() => new StudyFlow(FlowGraph.PlaceholderContext(campaign), services, Name).ExportGraph();
}
