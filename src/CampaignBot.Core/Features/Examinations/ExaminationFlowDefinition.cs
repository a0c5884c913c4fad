using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>/examine: the member's self-examination (对照检查), item by item, then review and submit.</summary>
public sealed class ExaminationFlowDefinition(IExaminationStore store, ExaminationReviewers reviewers, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "exam";

    public string Command => "examine";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "self-examination" : "对照检查";

    public IConversationFlow Open(FlowContext context) => new ExaminationFlow(context, store, reviewers, Name);

    public string ExportGraph() => new ExaminationFlow(FlowGraph.PlaceholderContext(campaign), store, reviewers, Name).ExportGraph();
}
