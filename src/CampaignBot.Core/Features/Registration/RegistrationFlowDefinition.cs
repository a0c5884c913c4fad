using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Features.Registration;

/// <summary>/start: invite code → name → rank → confirm.</summary>
public sealed class RegistrationFlowDefinition(IInviteStore invites, IMemberStore members, CampaignDefinition campaign) : IFlowDefinition
{
    public string Name => "reg";

    public string Command => "start";

    public bool AllowedInGroups => false;

    public string Title(Language language) => language == Language.English ? "registration" : "注册";

    public IConversationFlow Open(FlowContext context) => new RegistrationFlow(context, invites, members, Name);

    public string ExportGraph() => new RegistrationFlow(FlowGraph.PlaceholderContext(campaign), invites, members, Name).ExportGraph();
}
