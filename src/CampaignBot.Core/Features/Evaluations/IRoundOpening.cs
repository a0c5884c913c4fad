using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// Opening a round from another feature (the democratic life meeting's 满意度测评 once its record is saved): the rules of
/// /round open, as the context's member, with the ballots handed out as the context's effects (saved with its session).
/// </summary>
public interface IRoundOpening
{
    Task<RoundOpened> OpenAsync(FlowContext context, string unitId, string stage, RoundAudience audience, int hours, CancellationToken cancellationToken);
}

/// <summary>The round that was opened (or was already open for that stage), or null with the reason; what to tell the opener.</summary>
public sealed record RoundOpened(string? RoundId, Text Said);

public sealed class RoundOpening(IEvaluationRoundStore rounds, RoundOpener opener, IOptions<EvaluationOptions> options) : IRoundOpening
{
    public async Task<RoundOpened> OpenAsync(FlowContext context, string unitId, string stage, RoundAudience audience, int hours, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.IsConfigured)
        {
            return new RoundOpened(null, EvaluationTexts.NotConfigured);
        }

        if (context.Campaign.Evaluation.Stages.All(s => s.Code != stage))
        {
            return new RoundOpened(null, EvaluationTexts.UnknownStage(stage));
        }

        // One update opens one round: the id comes from the update and the stage, so a re-run finds the same round.
        var id = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context.Update.UpdateId + "/" + stage)), 0, 4);
        var open = (await rounds.ListAsync(unitId, cancellationToken)).FirstOrDefault(r => r.Stage == stage && r.Status == RoundStatus.Open && r.Id != id);
        if (open is not null)
        {
            return new RoundOpened(open.Id, EvaluationTexts.StageAlreadyOpen(open.Id));
        }

        // The look-up above is the usual answer; when another opening of the stage races this one, the store refuses it.
        var result = await opener.OpenAsync(context, id, unitId, stage, new RoundSettings(Math.Clamp(hours, 1, RoundSettings.MaxHours), audience, false, false), cancellationToken);
        return result.StageBusy ? new RoundOpened(result.RoundId, EvaluationTexts.StageAlreadyOpen(result.RoundId!)) : new RoundOpened(result.RoundId, result.Said);
    }
}
