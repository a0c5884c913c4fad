using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>Opinion collections, /opinions and /opinion, the 查摆问题评议 briefing, the /progress part, and the "Opinions" settings.</summary>
public static class OpinionFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Checked<OpinionOptions, OpinionOptionsValidator>(OpinionOptions.SectionName)],
        Services = [typeof(OpinionGiverHasher), typeof(OpinionTable)],
        Commands = [typeof(OpinionsCommand)],
        Flows = [typeof(GiveOpinionFlow)],
        Ports = [(typeof(IBallotBriefing), typeof(OpinionBallotBriefing)), (typeof(IProgressSection), typeof(OpinionProgressSection))],
    };
}
