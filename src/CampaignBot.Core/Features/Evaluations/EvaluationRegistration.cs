using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core.Features.Evaluations;

public static class EvaluationRegistration
{
    /// <summary>Rounds, ballots (button handler "ev"), their commands and jobs, and the "Evaluation" settings.</summary>
    public static IServiceCollection AddEvaluations(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<EvaluationOptions, EvaluationOptionsValidator>(EvaluationOptions.SectionName);
        services.AddSingleton<BallotHasher>();
        services.AddSingleton<EvaluationText>();
        services.AddSingleton<IAudiences, EvaluationAudiences>();
        services.AddSingleton<BallotBriefings>();
        services.AddSingleton<RoundOpener>();
        services.AddSingleton<IRoundOpening, RoundOpening>();
        services.AddSingleton<RoundCloser>();
        services.AddSingleton<VoteButtonHandler>();
        services.AddSingleton<IButtonHandler>(sp => sp.GetRequiredService<VoteButtonHandler>());
        services.AddSingleton<ITypedNumberHandler, BallotByNumber>();
        services.TryAddSingleton<ChannelTraits>();
        services.AddSingleton<ICommandHandler, RoundCommand>();
        services.AddSingleton<ICommandHandler, VoteCommand>();
        services.AddSingleton<ICommandHandler, ResultsCommand>();
        services.AddSingleton<IJobHandler, RoundCloseJobHandler>();
        services.AddSingleton<IJobHandler, RoundLiveJobHandler>();
        services.AddSingleton<IJobHandler, RoundReminderJobHandler>();
        return services;
    }
}
