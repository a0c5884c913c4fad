using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Examinations;

/// <summary>/review: a secretary, supervisor or the office reads a submitted self-examination and accepts or returns it.</summary>
public sealed class ReviewFlowDefinition(IExaminationStore store, ExaminationReviewers reviewers, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "rev";

    public string Command => "review";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "review" : "审核对照检查";

    public IConversationFlow Open(FlowContext context) => new ReviewFlow(context, store, reviewers, Name);

    public string ExportGraph() => new ReviewFlow(FlowGraph.PlaceholderContext(campaign), store, reviewers, Name).ExportGraph();
}
