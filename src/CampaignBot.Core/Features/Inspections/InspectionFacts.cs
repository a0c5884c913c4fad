using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>
/// A drawn unit's checklist (规定动作) pre-filled from what the campaign's features have recorded, read through their ports:
/// study against the minimums, examinations accepted, pledges published and kept, opinions collected, ledger items overdue,
/// evaluation rounds and their verdicts. The inspector confirms or corrects each line.
/// </summary>
public sealed class InspectionFacts(
    IMemberStore members,
    IExaminationStore examinations,
    IPledgeStore pledges,
    IOpinionStore opinions,
    ILedgerStore ledger,
    IEvaluationRoundStore rounds,
    StudyProgressService study,
    CampaignDefinition campaign,
    CampaignCalendar calendar)
{
    public const string Study = "study";
    public const string Examinations = "examinations";
    public const string Pledges = "pledges";
    public const string Opinions = "opinions";
    public const string Ledger = "ledger";
    public const string Evaluations = "evaluations";

    public async Task<IReadOnlyList<ChecklistLine>> ChecklistAsync(string unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var people = (await members.ListAsync(unitId, cancellationToken))
            .Where(m => m.IsActive && m.Role is not (Roles.CampaignOffice or Roles.Supervisor)).ToList();
        var standings = people.Count == 0 ? [] : await study.ForMembersAsync(people, unitId, cancellationToken);
        var studied = standings.Count(s => !s.StudyBehind);
        var leadersBehind = standings.Count(s => s.ResearchBehind || s.HouseholdsBehind);

        var exams = (await examinations.ListAsync(unitId, cancellationToken)).Where(e => people.Any(p => p.Id == e.MemberId)).ToList();
        var accepted = exams.Count(e => e.Status == ExaminationStatus.Accepted);
        var waiting = exams.Count(e => e.Status == ExaminationStatus.Submitted);
        var returned = exams.Count(e => e.Status == ExaminationStatus.Returned);

        var published = (await pledges.ListAsync(unitId, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var period = PledgeCheckIns.PeriodOf(calendar, now);
        var checkIns = (await pledges.ListCheckInsAsync(unitId, cancellationToken)).ToList();
        var kept = checkIns.Count(c => c.Outcome == PledgeOutcomes.Kept);

        var unitOpinions = await opinions.ListAsync(unitId, cancellationToken);
        var adopted = unitOpinions.Count(o => o.Status == OpinionStatus.Adopted);
        var pending = unitOpinions.Count(o => o.Status == OpinionStatus.Pending);

        var items = await ledger.ListAsync(unitId, cancellationToken);
        var overdue = items.Count(i => i.Status == LedgerStatus.Overdue);
        var done = items.Count(i => i.Status == LedgerStatus.Done);

        var unitRounds = await rounds.ListAsync(unitId, cancellationToken);
        var stages = campaign.Evaluation.Stages.Select(stage =>
        {
            var ofStage = unitRounds.Where(r => r.Stage == stage.Code).ToList();
            var failed = ofStage.Count(r => r.Result is { Passed: false });
            return (stage.Name, Standing: EvaluationReport.StandingOf(ofStage), Rounds: ofStage.Count, Failed: failed);
        }).Where(s => s.Rounds > 0).ToList();
        var verdicts = stages.Count == 0
            ? new Text("尚未开展群众评议", "no evaluation rounds yet")
            : new Text(
                string.Join("；", stages.Select(s => $"{s.Name}：{InspectionTexts.StandingName(s.Standing).Chinese}（{s.Rounds} 轮，未通过 {s.Failed}）")),
                string.Join("; ", stages.Select(s => $"{s.Name}: {InspectionTexts.StandingName(s.Standing).English} ({s.Rounds} rounds, {s.Failed} failed)")));

        return
        [
            new(Study, InspectionTexts.StudyLabel, new Text(
                $"{people.Count} 人中 {studied} 人达到学习最低要求；领导干部调研、走访未达标 {leadersBehind} 人",
                $"{studied} of {people.Count} at the study minimum; {leadersBehind} leaders below the research or visit minimum")),
            new(Examinations, InspectionTexts.ExaminationsLabel, new Text(
                $"已通过 {accepted}/{people.Count}，待审核 {waiting}，退回修改 {returned}",
                $"{accepted} of {people.Count} accepted, {waiting} waiting for review, {returned} returned")),
            new(Pledges, InspectionTexts.PledgesLabel, new Text(
                $"已公开承诺 {published.Count} 条（{published.Select(p => p.MemberId).Distinct(StringComparer.Ordinal).Count()} 人）；践诺报告 {checkIns.Count} 条，其中已践行 {kept}（本月 {checkIns.Count(c => c.Period == period)} 条）",
                $"{published.Count} pledges published ({published.Select(p => p.MemberId).Distinct(StringComparer.Ordinal).Count()} people); {checkIns.Count} check-ins, {kept} kept ({checkIns.Count(c => c.Period == period)} this month)")),
            new(Opinions, InspectionTexts.OpinionsLabel, new Text(
                $"征求意见 {unitOpinions.Count} 条，已采纳 {adopted}，待处理 {pending}",
                $"{unitOpinions.Count} opinions, {adopted} adopted, {pending} pending")),
            new(Ledger, InspectionTexts.LedgerLabel, new Text(
                $"整改台帐 {items.Count} 项，已完成 {done}，逾期 {overdue}",
                $"{items.Count} ledger items, {done} done, {overdue} overdue")),
            new(Evaluations, InspectionTexts.EvaluationsLabel, verdicts),
        ];
    }
}
