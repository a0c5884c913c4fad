namespace CampaignBot.Core.Features.Evaluations;

/// <summary>The words of evaluation messages: ballots, the live group message, results. Chinese, as the masses read them.</summary>
public sealed class EvaluationText(CampaignDefinition campaign)
{
    public const string PayloadPrefix = "ev";

    private readonly TimeZoneInfo _zone = FindZone(campaign.TimeZone);

    public EvaluationSettings Settings => campaign.Evaluation;

    public string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    public string StageName(string stage) => campaign.Evaluation.Stages.FirstOrDefault(s => s.Code == stage)?.Name ?? stage;

    public string ChoiceName(string choice) => campaign.Evaluation.Choices.FirstOrDefault(c => c.Code == choice)?.Name ?? choice;

    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Payload(string roundId, string choice) => $"{PayloadPrefix}:{roundId}:{choice}";

    public IReadOnlyList<IReadOnlyList<Button>> Buttons(EvaluationRound round) =>
        [[.. campaign.Evaluation.Choices.Select(c => new Button(c.Name, Payload(round.Id, c.Code)))]];

    public string Title(EvaluationRound round) => $"【群众评议】{UnitName(round.UnitId)} · {StageName(round.Stage)}";

    /// <summary>The ballot: in the group it is also the live message, edited as votes come in.</summary>
    public TextMessage Ballot(EvaluationRound round, Tally? tally, string? briefing = null)
    {
        var text = new StringBuilder(Title(round)).Append('\n');
        if (briefing is { Length: > 0 })
        {
            text.Append(briefing).Append('\n');
        }

        text
            .Append("请对本单位作出评价，点击下方按钮投票。每人一票，投票保密：群里、单位和活动办都看不到你投了什么。\n")
            .Append("截止时间：").Append(Local(round.ClosesAt)).Append('\n');
        if (round.AllowChange)
        {
            text.Append("截止前可以改票。\n");
        }

        if (tally is not null)
        {
            text.Append(Running(round, tally));
        }

        return new TextMessage(text.ToString().TrimEnd(), Buttons(round));
    }

    /// <summary>What the group of a private-ballot round is told at the start: how to vote and how many were asked.</summary>
    public string PrivateBallotsAnnouncement(EvaluationRound round, int asked) =>
        $"{Title(round)}\n评议已开始：选票已私发给本单位名单中的 {asked} 人，请在与本应用的私聊里投票（点击选票按钮，或回复选项序号）。投票保密，本群只公布投票人数和结果。\n截止时间：{Local(round.ClosesAt)}";

    /// <summary>The turnout of a private-ballot round, for its group: counts only.</summary>
    public string Turnout(EvaluationRound round, int voted, int asked) =>
        $"{Title(round)}\n已投票 {voted} / {asked} 人，截止 {Local(round.ClosesAt)}。";

    public string Running(EvaluationRound round, Tally tally) => round.ShowTally
        ? $"已投票 {tally.Total} 人：" + string.Join("，", campaign.Evaluation.Choices.Select(c => $"{c.Name} {tally.Count(c.Code)}"))
        : $"已投票 {tally.Total} 人";

    /// <summary>A closed round's result, fit for the group: the counts, the rule and the verdict with what decided it; no instructions.</summary>
    public string Result(EvaluationRound round, RoundResult result)
    {
        var text = new StringBuilder(Title(round)).Append(" 结果\n")
            .Append("共 ").Append(result.Votes).Append(" 票：")
            .Append(string.Join("，", campaign.Evaluation.Choices.Select(c => $"{c.Name} {result.Counts.GetValueOrDefault(c.Code)}"))).Append('\n')
            .Append("满意率（满意＋基本满意）：").Append(Percent(result.SatisfiedShare)).Append('\n')
            .Append("通过标准：满意率不低于 ").Append(Percent(round.PassRule.MinimumSatisfiedShare))
            .Append("，且不少于 ").Append(round.PassRule.MinimumVotes).Append(" 票。\n");
        text.Append(EvaluationTexts.Verdict(result, round.PassRule).Chinese);
        return text.ToString();
    }

    /// <summary>What the office and the opener read after the result: for a failed round, the make-up flag and how to open it.</summary>
    public string OperatorNextStep(EvaluationRound round, RoundResult result) => result.Passed
        ? string.Empty
        : "\n" + EvaluationTexts.MakeUpInstruction(round.UnitId, round.Stage).Chinese + "\n" + EvaluationTexts.MakeUpFlag(UnitName(round.UnitId)).Chinese;

    /// <summary>A stage's place in the campaign (its order in campaign.yaml); unknown stages last.</summary>
    public int StageOrder(string stage)
    {
        var index = campaign.Evaluation.Stages.ToList().FindIndex(s => s.Code == stage);
        return index < 0 ? int.MaxValue : index;
    }

    public static string Percent(decimal share) => (share * 100m).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
