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
            .Where(m => m.IsActive && m.TakesPart).ToList();
        var standings = people.Count == 0 ? [] : await study.ForMembersAsync(people, unitId, cancellationToken);
        var studied = standings.Count(s => !s.StudyBehind);
        var leadersBehind = standings.Count(s => s.ResearchBehind || s.HouseholdsBehind);

        var exams = await MemberRecords.OfAsync(people, unitId, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId);
        var accepted = exams.Count(e => e.Status == ExaminationStatus.Accepted);
        var waiting = exams.Count(e => e.Status == ExaminationStatus.Submitted);
        var returned = exams.Count(e => e.Status == ExaminationStatus.Returned);

        var published = (await MemberRecords.OfAsync(people, unitId, u => pledges.ListAsync(u, cancellationToken), p => p.MemberId)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var period = PledgeCheckIns.PeriodOf(calendar, now);
        var checkIns = await MemberRecords.OfAsync(people, unitId, u => pledges.ListCheckInsAsync(u, cancellationToken), c => c.MemberId);
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
        }).Where(s => s.Rounds > 0).Select(s => InspectionTexts.StageFact(s.Name, InspectionTexts.StandingName(s.Standing), s.Rounds, s.Failed)).ToList();
        var pledgers = published.Select(p => p.MemberId).Distinct(StringComparer.Ordinal).Count();

        return
        [
            new(Study, InspectionTexts.StudyLabel, InspectionTexts.StudyFact(people.Count, studied, leadersBehind)),
            new(Examinations, InspectionTexts.ExaminationsLabel, InspectionTexts.ExaminationsFact(accepted, people.Count, waiting, returned)),
            new(Pledges, InspectionTexts.PledgesLabel, InspectionTexts.PledgesFact(published.Count, pledgers, checkIns.Count, kept, checkIns.Count(c => c.Period == period))),
            new(Opinions, InspectionTexts.OpinionsLabel, InspectionTexts.OpinionsFact(unitOpinions.Count, adopted, pending)),
            new(Ledger, InspectionTexts.LedgerLabel, InspectionTexts.LedgerFact(items.Count, done, overdue)),
            new(Evaluations, InspectionTexts.EvaluationsLabel, InspectionTexts.EvaluationsFact(stages)),
        ];
    }
}
