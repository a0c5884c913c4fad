using CampaignBot.Core.Campaign;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Evaluations;

/// <summary>The evaluation texts that hold values or reasons, in both languages (see <see cref="Text"/>).</summary>
public static class EvaluationTexts
{
    public static Text TooFewVotes(long votes, int minimum) => new(
        $"票数不足：{votes} 票，至少需要 {minimum} 票",
        $"too few votes: {votes} of at least {minimum}");

    public static Text ShareTooLow(decimal share, decimal minimum) => new(
        $"满意率 {EvaluationText.Percent(share)}，低于 {EvaluationText.Percent(minimum)}",
        $"satisfaction {EvaluationText.Percent(share)} is below {EvaluationText.Percent(minimum)}");

    public static Text RulesMet(long votes, int minimumVotes, decimal share, decimal minimumShare) => new(
        $"{votes} 票（至少 {minimumVotes} 票），满意率 {EvaluationText.Percent(share)}（不低于 {EvaluationText.Percent(minimumShare)}）",
        $"{votes} votes (at least {minimumVotes}), satisfaction {EvaluationText.Percent(share)} (at least {EvaluationText.Percent(minimumShare)})");

    public static Text Passed(Text reason) => new($"结论：通过（{reason.Chinese}）。", $"Verdict: passed ({reason.English}).");

    public static Text Failed(Text reason) => new($"结论：未通过，需要补课（{reason.Chinese}）。", $"Verdict: failed, make-up work needed ({reason.English}).");

    /// <summary>For the office and the opener only, never the group: how to run the make-up round.</summary>
    public static Text MakeUpInstruction(string unitId, string stage) => new(
        $"请整改后重新开启同一阶段的评议（/round open {unitId} {stage}），直到群众满意为止。",
        $"After rectification, open a new round of the same stage (/round open {unitId} {stage}) until the masses are satisfied.");

    public static Text MakeUpFlag(string unitName) => new($"⚠ {unitName} 已标记为需要补课。", $"⚠ {unitName} is marked for make-up work.");

    public static Text Running(long votes, decimal share, string closesAt) => new(
        $"当前 {votes} 票，满意率 {EvaluationText.Percent(share)}，{closesAt} 截止",
        $"{votes} votes so far, satisfaction {EvaluationText.Percent(share)}, closes {closesAt}");

    public static Text AlreadyClosed(string roundId) => new($"评议 {roundId} 已经结束，结果已发出。", $"Round {roundId} has already closed; its result was sent.");

    public static readonly Text OpenedInGroup = new(
        "选票已发到群里；管理说明已私信发给开启人。",
        "The ballot is in the group; how to manage the round was sent privately to whoever opened it.");

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

    public static readonly Text AlreadyVoted = new(
        "你已经在这轮评议中投过票了，每人每轮只能投一次。感谢参与！",
        "You have already voted in this round; everyone votes once per round. Thank you!");

    public static readonly Text AlreadyVotedMayChange = new(
        "你已经在这轮评议中投过票了。本轮允许改票，如需改票请重新选择，以最后一次为准。",
        "You have already voted in this round. This round allows a change: choose again and the last choice counts.");
}
