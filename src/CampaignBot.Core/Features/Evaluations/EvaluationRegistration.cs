using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core.Features.Evaluations;

public static class EvaluationRegistration
{
    /// <summary>Rounds, ballots (button handler "ev"), their commands and jobs, and the "Evaluation" settings.</summary>
    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<EvaluationOptions, EvaluationOptionsValidator>(EvaluationOptions.SectionName);
        services.TryAddSingleton<ChannelTraits>();
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(BallotHasher), typeof(EvaluationText), typeof(BallotBriefings), typeof(RoundOpener), typeof(RoundCloser)],
            Commands = [typeof(RoundCommand), typeof(VoteCommand), typeof(ResultsCommand)],
            ButtonHandlers = [typeof(VoteButtonHandler)],
            Jobs = [typeof(RoundCloseJobHandler), typeof(RoundLiveJobHandler), typeof(RoundReminderJobHandler)],
            Ports =
            [
                (typeof(IAudiences), typeof(EvaluationAudiences)),
                (typeof(IRoundOpening), typeof(RoundOpening)),
                (typeof(ITypedNumberHandler), typeof(BallotByNumber)),
            ],
        });
        return services;
    }
}
