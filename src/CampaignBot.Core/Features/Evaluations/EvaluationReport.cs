namespace CampaignBot.Core.Features.Evaluations;

public enum StageStanding
{
    NotEvaluated,
    InProgress,
    Passed,

    /// <summary>The latest round failed: the unit must do make-up work (补课) and pass a new round of this stage.</summary>
    NeedsMakeUp,
}

/// <summary>One unit's one stage: its latest round decides; earlier rounds are history.</summary>
public sealed record EvaluationReportRow(
    string UnitId,
    string UnitName,
    string Stage,
    string StageName,
    int Rounds,
    string LatestRoundId,
    StageStanding Standing,
    long Votes,
    decimal SatisfiedShare,
    Text? Note = null)
{
    /// <summary>The standing in both languages (the export's 结论 column is its Chinese).</summary>
    public Text StandingText => Standing switch
    {
        StageStanding.Passed => EvaluationTexts.StagePassed,
        StageStanding.NeedsMakeUp => EvaluationTexts.StageNeedsMakeUp,
        StageStanding.InProgress => EvaluationTexts.StageInProgress,
        _ => EvaluationTexts.StageNotEvaluated,
    };

    public string StandingName => StandingText.Chinese;

    /// <summary>The stage's name in both languages, for a reader of /results; the export keeps <see cref="StageName"/>.</summary>
    public Text? StageNames { get; init; }

    /// <summary>The unit's name in both languages, for a reader of /results; the export keeps <see cref="UnitName"/>.</summary>
    public Text? UnitNames { get; init; }
}

/// <summary>Draws the report (a PNG chart, an xlsx file); implemented by the host, which holds the drawing libraries.</summary>
public interface IEvaluationReportRenderer
{
    byte[] RenderChart(IReadOnlyList<EvaluationReportRow> rows, string title);

    byte[] RenderSpreadsheet(IReadOnlyList<EvaluationReportRow> rows);
}

public static class EvaluationReport
{
    /// <summary>A stage counts as passed only when its latest round (by opening time) closed and passed.</summary>
    public static StageStanding StandingOf(IEnumerable<EvaluationRound> roundsOfStage)
    {
        var latest = roundsOfStage.OrderBy(r => r.OpensAt).ThenBy(r => r.Result?.ClosedAt ?? DateTimeOffset.MaxValue).LastOrDefault();
        return latest switch
        {
            null => StageStanding.NotEvaluated,
            { Status: RoundStatus.Open } => StageStanding.InProgress,
            { Result.Passed: true } => StageStanding.Passed,
            _ => StageStanding.NeedsMakeUp,
        };
    }

    /// <summary>
    /// One row per unit and stage, stages in campaign order. A stage whose latest round is still open shows that round's
    /// ballots so far (from <paramref name="running"/>, by round id); a closed one its result and the rule that decided it.
    /// </summary>
    public static IReadOnlyList<EvaluationReportRow> Rows(IReadOnlyList<EvaluationRound> rounds, EvaluationText text, IReadOnlyDictionary<string, Tally>? running = null)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        ArgumentNullException.ThrowIfNull(text);
        return [.. rounds
            .GroupBy(r => (r.UnitId, r.Stage))
            .Select(g =>
            {
                var ordered = g.OrderBy(r => r.OpensAt).ToList();
                var latest = ordered[^1];
                var standing = StandingOf(ordered);
                RoundResult? shown;
                Text? note;
                if (latest.Status == RoundStatus.Open && running?.GetValueOrDefault(latest.Id) is { } tally)
                {
                    shown = RoundResult.From(tally, text.Settings, latest.PassRule, latest.ClosesAt);
                    note = EvaluationTexts.Running(shown.Votes, shown.SatisfiedShare, text.Local(latest.ClosesAt));
                }
                else
                {
                    var closed = ordered.LastOrDefault(r => r.Result is not null);
                    shown = closed?.Result;
                    note = closed is null ? null : EvaluationTexts.Reason(closed.Result!, closed.PassRule);
                }

                return new EvaluationReportRow(
                    g.Key.UnitId, text.UnitName(g.Key.UnitId), g.Key.Stage, text.StageName(g.Key.Stage), ordered.Count, latest.Id,
                    standing, shown?.Votes ?? 0, shown?.SatisfiedShare ?? 0m, note)
                {
                    StageNames = text.StageNames(g.Key.Stage),
                    UnitNames = text.UnitNames(g.Key.UnitId),
                };
            })
            .OrderBy(r => r.UnitId, StringComparer.Ordinal).ThenBy(r => text.StageOrder(r.Stage)).ThenBy(r => r.Stage, StringComparer.Ordinal)];
    }

    public static string Table(IReadOnlyList<EvaluationReportRow> rows, Language language = Language.Chinese)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return EvaluationTexts.ResultsNone.In(language);
        }

        var text = new StringBuilder(EvaluationTexts.ResultsHeading.In(language)).Append('\n');
        foreach (var unit in rows.GroupBy(r => r.UnitName))
        {
            text.Append(unit.First().UnitNames?.In(language) ?? unit.Key).Append('\n');
            foreach (var row in unit)
            {
                var stage = row.StageNames?.In(language) ?? row.StageName;
                var line = row.Note is { } note
                    ? EvaluationTexts.ResultsLineNoted(stage, row.StandingText, row.Rounds, row.Votes, row.SatisfiedShare, note)
                    : EvaluationTexts.ResultsLine(stage, row.StandingText, row.Rounds, row.Votes, row.SatisfiedShare);
                text.Append("  ").Append(line.In(language)).Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The report as an export table (the command line's export evaluations and the /results spreadsheet).</summary>
    public static Progress.CampaignTable ToTable(IReadOnlyList<EvaluationReportRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new Progress.CampaignTable(
            "群众评议结果",
            ["单位ID", "单位", "阶段代号", "阶段", "轮次", "最新一轮", "结论", "票数", "满意率"],
            [.. rows.Select(r => (IReadOnlyList<string>)
            [
                r.UnitId, r.UnitName, r.Stage, r.StageName, r.Rounds.ToString(CultureInfo.InvariantCulture), r.LatestRoundId, r.StandingName,
                r.Votes.ToString(CultureInfo.InvariantCulture), EvaluationText.Percent(r.SatisfiedShare),
            ])]);
    }
}
