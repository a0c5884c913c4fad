namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// What the evaluators read before they vote (向群众公示), contributed by the feature that owns it: the 整改落实评判 ballot
/// shows the unit's ledger, the 查摆问题评议 ballot the problems found. Null when there is nothing for this stage.
/// Nothing personal: ballots go to groups and to the unregistered masses.
/// </summary>
public interface IBallotBriefing
{
    Task<string?> BriefAsync(string unitId, string stage, CancellationToken cancellationToken);
}

/// <summary>Every briefing for a round's unit and stage, joined; what the ballot message shows above its buttons.</summary>
public sealed class BallotBriefings(IEnumerable<IBallotBriefing> briefings)
{
    private readonly IReadOnlyList<IBallotBriefing> _briefings = [.. briefings];

    public async Task<string?> ForAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var parts = new List<string>();
        foreach (var briefing in _briefings)
        {
            if (await briefing.BriefAsync(round.UnitId, round.Stage, cancellationToken) is { Length: > 0 } part)
            {
                parts.Add(part);
            }
        }

        return parts.Count == 0 ? null : string.Join("\n", parts);
    }
}
