namespace CampaignBot.Core.Features.Evaluations;

/// <summary>The words of evaluation messages: ballots, the live group message, results (evaluation.texts). A group reads the Chinese, as the masses read them.</summary>
public sealed class EvaluationText(CampaignDefinition campaign)
{
    public const string PayloadPrefix = "ev";

    private readonly TimeZoneInfo _zone = FindZone(campaign.TimeZone);

    public EvaluationSettings Settings => campaign.Evaluation;

    public string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    public string StageName(string stage) => campaign.Evaluation.Stages.FirstOrDefault(s => s.Code == stage)?.Name ?? stage;

    /// <summary>A unit's and a stage's names in both languages, for what one reader (not a group) reads.</summary>
    public Text UnitNames(string unitId) => campaign.FindUnit(unitId).NamesOr(unitId);

    public Text StageNames(string stage) => campaign.Evaluation.Stages.FirstOrDefault(s => s.Code == stage).NamesOr(stage);

    public string ChoiceName(string choice) => campaign.Evaluation.Choices.FirstOrDefault(c => c.Code == choice)?.Name ?? choice;

    public string Local(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, _zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Payload(string roundId, string choice) => $"{PayloadPrefix}:{roundId}:{choice}";

    /// <summary>A button per choice, labelled in the reader's language (a group's ballot: Chinese).</summary>
    public IReadOnlyList<IReadOnlyList<Button>> Buttons(EvaluationRound round, Language language = Language.Chinese) =>
        [[.. campaign.Evaluation.Choices.Select(c => new Button(c.NameIn(language), Payload(round.Id, c.Code)))]];

    public Text TitleText(EvaluationRound round) => EvaluationTexts.BallotTitle(UnitName(round.UnitId), StageName(round.Stage));

    public string Title(EvaluationRound round) => TitleText(round).Chinese;

    /// <summary>The title for one reader: the unit's and the stage's names in that reader's language where the campaign file has them.</summary>
    public Text ReaderTitleText(EvaluationRound round)
    {
        ArgumentNullException.ThrowIfNull(round);
        var unit = UnitNames(round.UnitId);
        var stage = StageNames(round.Stage);
        return new Text(EvaluationTexts.BallotTitle(unit.Chinese, stage.Chinese).Chinese, EvaluationTexts.BallotTitle(unit.English, stage.English).English);
    }

    /// <summary>
    /// The ballot: in the group it is also the live message, edited as votes come in (a group reads Chinese); one sent to
    /// one reader names the unit, the stage and the choices in that reader's language.
    /// </summary>
    public TextMessage Ballot(EvaluationRound round, Tally? tally, string? briefing = null, Language language = Language.Chinese)
    {
        var text = new StringBuilder(ReaderTitleText(round).In(language)).Append('\n');
        if (briefing is { Length: > 0 })
        {
            text.Append(briefing).Append('\n');
        }

        text
            .Append(EvaluationTexts.BallotHowToVote.In(language)).Append('\n')
            .Append(EvaluationTexts.BallotClosesAt(Local(round.ClosesAt)).In(language)).Append('\n');
        if (round.AllowChange)
        {
            text.Append(EvaluationTexts.BallotMayChange.In(language)).Append('\n');
        }

        if (tally is not null)
        {
            text.Append(Running(round, tally).In(language));
        }

        return new TextMessage(text.ToString().TrimEnd(), Buttons(round, language));
    }

    /// <summary>What the group of a private-ballot round is told at the start: how to vote and how many were asked.</summary>
    public string PrivateBallotsAnnouncement(EvaluationRound round, int asked) =>
        EvaluationTexts.PrivateBallotsAnnouncement(TitleText(round), asked, Local(round.ClosesAt)).Chinese;

    /// <summary>The turnout of a private-ballot round, for its group: counts only.</summary>
    public string Turnout(EvaluationRound round, int voted, int asked) =>
        EvaluationTexts.Turnout(TitleText(round), voted, asked, Local(round.ClosesAt)).Chinese;

    public Text Running(EvaluationRound round, Tally tally) => round.ShowTally
        ? EvaluationTexts.RunningTally(tally.Total, Counts(c => tally.Count(c)))
        : EvaluationTexts.RunningCount(tally.Total);

    /// <summary>A closed round's result, fit for the group: the counts, the rule and the verdict with what decided it; no instructions.</summary>
    public Text Result(EvaluationRound round, RoundResult result) => Result(round, result, TitleText(round));

    /// <summary>The same result for one reader (the office, the opener), naming the unit and stage in the reader's language.</summary>
    public Text ReaderResult(EvaluationRound round, RoundResult result) => Result(round, result, ReaderTitleText(round));

    private Text Result(EvaluationRound round, RoundResult result, Text title) => EvaluationTexts.Result(
        title,
        result.Votes,
        Counts(c => result.Counts.GetValueOrDefault(c)),
        result.SatisfiedShare,
        round.PassRule.MinimumSatisfiedShare,
        round.PassRule.MinimumVotes,
        EvaluationTexts.Verdict(result, round.PassRule));

    /// <summary>What the office and the opener read after the result: for a failed round, the make-up flag and how to open it.</summary>
    public Text OperatorNextStep(EvaluationRound round, RoundResult result) => result.Passed
        ? new Text(string.Empty, string.Empty)
        : new Text(
            "\n" + EvaluationTexts.MakeUpInstruction(round.UnitId, round.Stage).Chinese + "\n" + EvaluationTexts.MakeUpFlag(UnitName(round.UnitId)).Chinese,
            "\n" + EvaluationTexts.MakeUpInstruction(round.UnitId, round.Stage).English + "\n" + EvaluationTexts.MakeUpFlag(UnitNames(round.UnitId).English).English);

    /// <summary>Each choice with its count ("满意 3，基本满意 1"), named and punctuated for each language.</summary>
    private Text Counts(Func<string, long> count)
    {
        var choices = campaign.Evaluation.Choices;
        return new Text(
            string.Join("，", choices.Select(c => $"{c.Name} {count(c.Code)}")),
            string.Join(", ", choices.Select(c => $"{c.NameIn(Language.English)} {count(c.Code)}")));
    }

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
