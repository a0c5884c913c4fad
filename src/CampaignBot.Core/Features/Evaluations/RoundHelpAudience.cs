namespace CampaignBot.Core.Features.Evaluations;

/// <summary>/help lists /round for secretaries too when Evaluation:SecretariesMayOpen lets them run their unit's rounds.</summary>
public sealed class RoundHelpAudience(IOptions<EvaluationOptions> options) : ICommandAudienceCheck
{
    public string Command => "round";

    public Task<bool> IncludesAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Task.FromResult(options.Value.SecretariesMayOpen && member.Role == Roles.Secretary);
    }
}
