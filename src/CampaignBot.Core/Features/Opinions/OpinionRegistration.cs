using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Opinions;

public static class OpinionRegistration
{
    /// <summary>Opinion collections, /opinions and /opinion, the 查摆问题评议 briefing, the /progress part, and the "Opinions" settings.</summary>
    public static IServiceCollection AddOpinions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<OpinionOptions, OpinionOptionsValidator>(OpinionOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(OpinionGiverHasher), typeof(OpinionTable)],
            Commands = [typeof(OpinionsCommand)],
            Flows = [typeof(GiveOpinionFlow)],
            Ports = [(typeof(IBallotBriefing), typeof(OpinionBallotBriefing)), (typeof(IProgressSection), typeof(OpinionProgressSection))],
        });
        return services;
    }
}
