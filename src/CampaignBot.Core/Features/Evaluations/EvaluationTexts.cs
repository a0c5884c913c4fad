namespace CampaignBot.Core.Features.Evaluations;

/// <summary>The evaluation texts that hold values or reasons, in both languages (see <see cref="Text"/>).</summary>
public static partial class EvaluationTexts
{
    /// <summary>
    /// The rule that decided a verdict: every failed condition of the pass rule, or that all were met. A round with no
    /// votes fails on the vote count even when the rule asks for none.
    /// </summary>
    public static Text Reason(RoundResult result, PassRule rule)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(rule);
        var failed = new List<Text>();
        if (result.Votes < Math.Max(rule.MinimumVotes, 1))
        {
            failed.Add(TooFewVotes(result.Votes, Math.Max(rule.MinimumVotes, 1)));
        }

        if (result.Votes > 0 && result.SatisfiedShare < rule.MinimumSatisfiedShare)
        {
            failed.Add(ShareTooLow(result.SatisfiedShare, rule.MinimumSatisfiedShare));
        }

        return failed.Count == 0
            ? RulesMet(result.Votes, rule.MinimumVotes, result.SatisfiedShare, rule.MinimumSatisfiedShare)
            : new Text(string.Join("；", failed.Select(f => f.Chinese)), string.Join("; ", failed.Select(f => f.English)));
    }

    public static Text Verdict(RoundResult result, PassRule rule)
    {
        var reason = Reason(result, rule);
        return result.Passed ? Passed(reason) : Failed(reason);
    }
}
