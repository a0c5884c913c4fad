using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// One action list: who has not done one thing, what a reminder to them says, and the label of the button that sends it
/// (short enough for a WeCom card; the list's line above it gives the full name and the count).
/// </summary>
public sealed record ActionListKind(string Code, Text Name, Text Reminder, Text Button)
{
    public static readonly ActionListKind NotStarted = new(
        "not_started", ProgressTexts.ListNameNotStarted, ProgressTexts.ListReminderNotStarted, ProgressTexts.RemindNotStarted);

    public static readonly ActionListKind NotSubmitted = new(
        "not_submitted", ProgressTexts.ListNameNotSubmitted, ProgressTexts.ListReminderNotSubmitted, ProgressTexts.RemindNotSubmitted);

    public static readonly ActionListKind NotPledged = new(
        "not_pledged", ProgressTexts.ListNameNotPledged, ProgressTexts.ListReminderNotPledged, ProgressTexts.RemindNotPledged);

    public static readonly ActionListKind NotCheckedIn = new(
        "not_checked_in", ProgressTexts.ListNameNotCheckedIn, ProgressTexts.ListReminderNotCheckedIn, ProgressTexts.RemindNotCheckedIn);

    public static readonly ActionListKind StudyBehind = new(
        "study", ProgressTexts.ListNameStudy, ProgressTexts.ListReminderStudy, ProgressTexts.RemindStudy);

    public static readonly IReadOnlyList<ActionListKind> All = [NotStarted, NotSubmitted, NotPledged, NotCheckedIn, StudyBehind];

    public static ActionListKind? Find(string code) => All.FirstOrDefault(k => k.Code == code);
}

/// <summary>A unit's action lists: for each kind, the members on it (active members who take part, by id).</summary>
public sealed record UnitActionLists(string UnitId, int Members, IReadOnlyDictionary<ActionListKind, IReadOnlyList<Member>> Lists)
{
    public int Count(ActionListKind kind) => Lists.TryGetValue(kind, out var list) ? list.Count : 0;

    public bool IsEmpty => Lists.Values.All(l => l.Count == 0);
}

/// <summary>
/// Builds the action lists (待办名单) from the stores: who has not started or not submitted the examination, not
/// pledged, not checked in this month (with pledges published before this month), or is below the study minimums.
/// </summary>
public sealed class ActionLists(
    IMemberStore memberStore,
    IExaminationStore examinations,
    IPledgeStore pledges,
    IEvaluationRoundStore roundStore,
    StudyProgressService study,
    CampaignCalendar calendar)
{
    public async Task<UnitActionLists> ForUnitAsync(string unitId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var members = (await memberStore.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive && m.TakesPart).ToList();
        var exams = (await MemberRecords.OfAsync(members, unitId, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var published = (await MemberRecords.OfAsync(members, unitId, u => pledges.ListAsync(u, cancellationToken), p => p.MemberId)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var period = PledgeCheckIns.PeriodOf(calendar, now);
        var today = calendar.Today(now);
        var monthStart = calendar.At(CampaignCalendar.MonthStart(today), TimeOnly.MinValue);
        var checkedIn = (await MemberRecords.OfAsync(members, unitId, u => pledges.ListCheckInsAsync(u, cancellationToken), c => c.MemberId)).Where(c => c.Period == period).Select(c => c.MemberId).ToHashSet(StringComparer.Ordinal);
        var behind = (await study.ForMembersAsync(members, unitId, cancellationToken)).Where(s => s.IsBehind).Select(s => s.Member.Id).ToHashSet(StringComparer.Ordinal);

        var lists = new Dictionary<ActionListKind, IReadOnlyList<Member>>
        {
            [ActionListKind.NotStarted] = [.. members.Where(m => !exams.ContainsKey(m.Id))],
            [ActionListKind.NotSubmitted] = [.. members.Where(m => exams.GetValueOrDefault(m.Id)?.Status is ExaminationStatus.Draft or ExaminationStatus.Returned)],
            [ActionListKind.NotPledged] = [.. members.Where(m => published.All(p => p.MemberId != m.Id))],
            [ActionListKind.NotCheckedIn] = [.. members.Where(m => published.Any(p => p.MemberId == m.Id && p.PublishedAt < monthStart) && !checkedIn.Contains(m.Id))],
            [ActionListKind.StudyBehind] = [.. members.Where(m => behind.Contains(m.Id))],
        };
        return new UnitActionLists(unitId, members.Count, lists);
    }

    /// <summary>Units whose latest round of some stage failed (补课), with the stages.</summary>
    public async Task<IReadOnlyList<(string UnitId, IReadOnlyList<string> Stages)>> MakeUpAsync(CancellationToken cancellationToken)
    {
        var rounds = await roundStore.ListAsync(null, cancellationToken);
        return [.. rounds
            .GroupBy(r => (r.UnitId, r.Stage))
            .Where(g => EvaluationReport.StandingOf(g) == StageStanding.NeedsMakeUp)
            .GroupBy(g => g.Key.UnitId, g => g.Key.Stage, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g]))];
    }
}
