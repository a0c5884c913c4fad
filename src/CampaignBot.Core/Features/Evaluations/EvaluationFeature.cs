namespace CampaignBot.Core.Features.Evaluations;

/// <summary>Rounds, ballots (button handler "ev"), their commands and jobs, and the "Evaluation" settings.</summary>
public static class EvaluationFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Checked<EvaluationOptions, EvaluationOptionsValidator>(EvaluationOptions.SectionName)],
        Services = [typeof(ChannelTraits), typeof(BallotHasher), typeof(EvaluationText), typeof(BallotBriefings), typeof(RoundOpener), typeof(RoundCloser)],
        Commands = [typeof(RoundCommand), typeof(VoteCommand), typeof(ResultsCommand)],
        ButtonHandlers = [typeof(VoteButtonHandler)],
        Jobs = [typeof(RoundCloseJobHandler), typeof(RoundLiveJobHandler), typeof(RoundReminderJobHandler)],
        Ports =
        [
            (typeof(IAudiences), typeof(EvaluationAudiences)),
            (typeof(IRoundOpening), typeof(RoundOpening)),
            (typeof(ITypedNumberHandler), typeof(BallotByNumber)),
        ],
        MadePorts = [(typeof(ICommandAudienceCheck), sp => new RoundHelpAudience(sp.GetRequiredService<IOptions<EvaluationOptions>>()))],
    };
}
