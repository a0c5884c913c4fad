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
        services.AddSingleton<OpinionGiverHasher>();
        services.AddSingleton<OpinionTable>();
        services.AddSingleton<ICommandHandler, OpinionsCommand>();
        services.AddFlow<GiveOpinionFlow>();
        services.AddSingleton<IBallotBriefing, OpinionBallotBriefing>();
        services.AddSingleton<IProgressSection, OpinionProgressSection>();
        return services;
    }
}
