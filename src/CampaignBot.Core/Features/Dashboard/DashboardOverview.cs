using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Features.Dashboard;

/// <summary>Where the campaign as a whole stands today: its phase (by the campaign's start) and the days left.</summary>
public sealed record CampaignStatus(string Name, PhaseDefinition? Phase, DateOnly Today, DateOnly End, int DaysLeft);

/// <summary>Counts of one unit's self-examinations by status; members who have not started are <see cref="NotStarted"/>.</summary>
public sealed record ExaminationCounts(int NotStarted, int Draft, int Submitted, int Returned, int Accepted);

/// <summary>One unit's line on the overview.</summary>
public sealed record UnitStanding(
    UnitDefinition Unit,
    string KindName,
    string? CountyId,
    int Depth,
    int Members,
    int StudyDone,
    int StudyRequired,
    int ResearchBehind,
    int HouseholdsBehind,
    ExaminationCounts Examinations,
    int Pledges,
    int Pledgers,
    int CheckIns,
    int StagesPassed,
    int StagesInProgress,
    int StagesMakeUp,
    DateOnly StudyDeadline,
    bool Behind,
    bool Silent)
{
    public bool Failing => StagesMakeUp > 0;

    /// <summary>Exceptions first: failing, then behind, then silent, then the rest.</summary>
    public int Priority => Failing ? 0 : Behind ? 1 : Silent ? 2 : 3;
}

/// <summary>A member of a unit page: their standing and what they have done.</summary>
public sealed record MemberStanding(Member Member, MemberProgress Progress, SelfExamination? Examination, int PublishedPledges, bool TakesExamination);

/// <summary>A round with its roster turnout (roster rounds; group and code rounds have no roster).</summary>
public sealed record RoundTurnout(EvaluationRound Round, int Roster, int Voted);

/// <summary>Everything the unit page shows; <see cref="LogNames"/> names everyone in the log, deactivated members too (their records stay).</summary>
public sealed record UnitDetail(
    UnitStanding Standing,
    IReadOnlyList<UnitStanding> Children,
    IReadOnlyList<MemberStanding> Members,
    IReadOnlyList<(SelfExamination Examination, IReadOnlyList<ExaminationReview> Reviews)> Examinations,
    IReadOnlyList<Pledge> Pledges,
    IReadOnlyList<PledgeCheckIn> CheckIns,
    IReadOnlyList<RoundTurnout> Rounds,
    IReadOnlyList<ActivityEntry> Log,
    IReadOnlyDictionary<string, string> LogNames);

/// <summary>
/// The numbers behind the dashboard's pages, read from the stores the bot uses (so always current), for the units
/// a viewer may see. Each store is read once per page, for all units at once.
/// </summary>
public sealed class DashboardOverview(
    IMemberStore memberStore,
    IExaminationStore examinations,
    IPledgeStore pledgeStore,
    IEvaluationRoundStore roundStore,
    ITurnoutStore turnout,
    IActivityLogStore activityLog,
    CampaignDefinition campaign, CampaignCalendar calendar, StudyProgressService study, TimeProvider time, IOptions<DashboardOptions> options, ILogger<DashboardOverview> logger)
{
    private readonly SemaphoreSlim loading = new(1, 1);
    private Snapshot? latest;
    private int refreshing;

    private CampaignDefinition Campaign => campaign;

    private CampaignCalendar Calendar => calendar;

    public CampaignStatus Status()
    {
        var today = calendar.Today(time.GetUtcNow());
        PhaseDefinition? current = null;
        var day = campaign.Start;
        foreach (var phase in campaign.Phases)
        {
            day = day.AddDays(phase.Days);
            current = phase;
            if (today < day)
            {
                break;
            }
        }

        return new CampaignStatus(campaign.Name, today < campaign.Start ? null : current, today, campaign.End, Math.Max(0, campaign.End.DayNumber - today.DayNumber));
    }

    /// <summary>Every unit in scope, exceptions first, from the campaign-wide snapshot (see <see cref="DashboardOptions.SnapshotAge"/>).</summary>
    public async Task<IReadOnlyList<UnitStanding>> UnitsAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        var data = await SnapshotAsync(cancellationToken);
        return [.. scope.Of(campaign).Select(data.Standing).OrderBy(s => s.Priority).ThenBy(s => s.Depth).ThenBy(s => s.Unit.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The campaign-wide numbers, shared by every viewer's overview and evaluations page. Reading every store for
    /// 20,000 members takes seconds on a small machine, so a snapshot older than <see cref="DashboardOptions.SnapshotAge"/>
    /// is refreshed in the background while pages keep showing it; only the first page after start waits.
    /// </summary>
    private async Task<Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (latest is { } current)
        {
            if (time.GetUtcNow() - current.LoadedAt > options.Value.SnapshotAge && Interlocked.Exchange(ref refreshing, 1) == 0)
            {
                _ = Task.Run(async () =>
                {
                    try
                    {
                        latest = await LoadAsync(null, CancellationToken.None);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // The old snapshot stays; the next page asks again.
                        logger.LogWarning(ex, "The dashboard's numbers could not be refreshed");
                    }
                    finally
                    {
                        Volatile.Write(ref refreshing, 0);
                    }
                }, CancellationToken.None);
            }

            return current;
        }

        await loading.WaitAsync(cancellationToken);
        try
        {
            return latest ??= await LoadAsync(null, cancellationToken);
        }
        finally
        {
            loading.Release();
        }
    }

    /// <summary>The unit's page, or null when the viewer may not see it (or it is not in the campaign).</summary>
    public async Task<UnitDetail?> UnitAsync(DashboardScope scope, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (campaign.FindUnit(unitId) is not { } unit || !scope.CanSee(unitId))
        {
            return null;
        }

        // The members the unit's line counts: its own and the mobile members it hosts, not its own studying elsewhere.
        var data = await LoadAsync(unitId, cancellationToken);
        var members = data.Members.Where(m => m.PrimaryUnitId == unitId).OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        var ids = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var progress = data.Progress.Where(p => ids.Contains(p.Member.Id)).ToDictionary(p => p.Member.Id, StringComparer.Ordinal);
        var exams = new List<(SelfExamination, IReadOnlyList<ExaminationReview>)>();
        foreach (var exam in data.Exams.Values.Where(e => ids.Contains(e.MemberId)).OrderBy(e => e.MemberName, StringComparer.Ordinal))
        {
            exams.Add((exam, await examinations.ListReviewsAsync(exam.MemberId, cancellationToken)));
        }

        var rounds = new List<RoundTurnout>();
        foreach (var round in data.Rounds.Where(r => r.UnitId == unitId))
        {
            var roster = round.Audience == RoundAudience.Roster ? await turnout.ListAsync(round.Id, cancellationToken) : [];
            rounds.Add(new RoundTurnout(round, roster.Count, roster.Count(t => t.Voted)));
        }

        return new UnitDetail(
            data.Standing(unit),
            [.. campaign.Units.Where(u => u.ParentId == unitId && scope.CanSee(u.Id)).Select((await SnapshotAsync(cancellationToken)).Standing)],
            [.. members.Select(m => new MemberStanding(m, progress[m.Id], data.Exams.GetValueOrDefault(m.Id), data.Pledges.Count(p => p.MemberId == m.Id && p.Status == PledgeStatus.Published), m.TakesPart))],
            exams,
            [.. data.Pledges.Where(p => ids.Contains(p.MemberId) && p.Status != PledgeStatus.Withdrawn).OrderBy(p => p.MemberName, StringComparer.Ordinal)],
            [.. data.CheckIns.Where(c => ids.Contains(c.MemberId))],
            rounds,
            [.. (await activityLog.ListAsync(unitId, null, null, cancellationToken)).OrderByDescending(e => e.Date)],
            (await memberStore.ListAsync(unitId, cancellationToken)).ToDictionary(m => m.Id, m => m.Name, StringComparer.Ordinal));
    }

    /// <summary>Every evaluation round of the units in scope, oldest first (from the snapshot).</summary>
    public async Task<IReadOnlyList<EvaluationRound>> RoundsAsync(DashboardScope scope, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return [.. (await SnapshotAsync(cancellationToken)).Rounds.Where(r => scope.CanSee(r.UnitId))];
    }

    /// <summary>
    /// One unit's page reads only that unit (live); the snapshot reads each store once for every unit. Active members only,
    /// each counted in the unit they take part with (a mobile member's host unit), like /progress and the bulletin.
    /// </summary>
    private async Task<Snapshot> LoadAsync(string? unitId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var members = (await memberStore.ListAsync(unitId, cancellationToken)).Where(m => m.IsActive).ToList();
        var exams = (await MemberRecords.OfAsync(members, unitId, u => examinations.ListAsync(u, cancellationToken), e => e.MemberId)).ToDictionary(e => e.MemberId, StringComparer.Ordinal);
        var pledges = (await MemberRecords.OfAsync(members, unitId, u => pledgeStore.ListAsync(u, cancellationToken), p => p.MemberId)).ToList();
        var checkIns = (await MemberRecords.OfAsync(members, unitId, u => pledgeStore.ListCheckInsAsync(u, cancellationToken), c => c.MemberId)).ToList();
        var rounds = (await roundStore.ListAsync(unitId, cancellationToken)).ToList();
        var takers = members.Where(m => m.TakesPart).ToList();
        var progress = await study.ForMembersAsync(members, unitId, cancellationToken);
        return new Snapshot(this, members, takers, progress, exams, pledges, checkIns, rounds, PledgeCheckIns.PeriodOf(calendar, now), calendar.Today(now), now);
    }

    private string? CountyOf(UnitDefinition unit)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var u = unit; u is not null && seen.Add(u.Id); u = u.ParentId is { } p ? campaign.FindUnit(p) : null)
        {
            if (u.Kind == "county")
            {
                return u.Id;
            }
        }

        return null;
    }

    private int DepthOf(UnitDefinition unit)
    {
        var depth = 0;
        for (var u = unit; u.ParentId is { } p && campaign.FindUnit(p) is { } parent && depth < campaign.Units.Count; u = parent)
        {
            depth++;
        }

        return depth;
    }

    private sealed class Snapshot
    {
        private readonly DashboardOverview owner;
        private readonly ILookup<string, Member> takersByUnit;
        private readonly ILookup<string, MemberProgress> progressByUnit;
        private readonly ILookup<string, Pledge> publishedByUnit;
        private readonly ILookup<string, PledgeCheckIn> checkInsByUnit;
        private readonly ILookup<string, EvaluationReportRow> stagesByUnit;
        private readonly HashSet<string> unitsWithEntries;
        private readonly DateOnly today;
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, UnitStanding> standings = new(StringComparer.Ordinal);

        public Snapshot(
            DashboardOverview owner, List<Member> members, List<Member> takers, IReadOnlyList<MemberProgress> progress, Dictionary<string, SelfExamination> exams,
            List<Pledge> pledges, List<PledgeCheckIn> checkIns, List<EvaluationRound> rounds, string period, DateOnly today, DateTimeOffset loadedAt)
        {
            this.owner = owner;
            this.today = today;
            LoadedAt = loadedAt;
            Members = members;
            Exams = exams;
            Pledges = pledges;
            CheckIns = checkIns;
            Rounds = rounds;
            // Records are filed under the member's home unit; they count where the member takes part.
            var unitOf = members.ToDictionary(m => m.Id, m => m.PrimaryUnitId, StringComparer.Ordinal);
            takersByUnit = takers.ToLookup(m => m.PrimaryUnitId, StringComparer.Ordinal);
            Progress = progress;
            progressByUnit = progress.Where(p => p.Member.TakesPart).ToLookup(p => p.Member.PrimaryUnitId, StringComparer.Ordinal);
            publishedByUnit = pledges.Where(p => p.Status == PledgeStatus.Published).ToLookup(p => unitOf[p.MemberId], StringComparer.Ordinal);
            checkInsByUnit = checkIns.Where(c => c.Period == period).ToLookup(c => unitOf[c.MemberId], StringComparer.Ordinal);
            stagesByUnit = EvaluationReport.Rows(rounds, new EvaluationText(owner.Campaign)).ToLookup(r => r.UnitId, StringComparer.Ordinal);
            unitsWithEntries = [.. progress.Where(p => p.Member.TakesPart).Where(p => p.StudyHalfDays + p.ResearchHalfDays + p.Visits > 0).Select(p => p.Member.PrimaryUnitId)];
        }

        public DateTimeOffset LoadedAt { get; }

        /// <summary>Every member's progress (also the office's and supervisors', for the unit page).</summary>
        public IReadOnlyList<MemberProgress> Progress { get; }

        public List<Member> Members { get; }

        public Dictionary<string, SelfExamination> Exams { get; }

        public List<Pledge> Pledges { get; }

        public List<PledgeCheckIn> CheckIns { get; }

        public List<EvaluationRound> Rounds { get; }

        /// <summary>The unit's line, computed once per snapshot.</summary>
        public UnitStanding Standing(UnitDefinition unit) => standings.GetOrAdd(unit.Id, _ => Compute(unit));

        private UnitStanding Compute(UnitDefinition unit)
        {
            var campaign = owner.Campaign;
            var takers = takersByUnit[unit.Id].Count();
            var progress = progressByUnit[unit.Id].ToList();

            // The examinations of the unit's members who take part now (as /progress counts them), not of those deactivated.
            var exams = takersByUnit[unit.Id].Select(m => Exams.GetValueOrDefault(m.Id)).OfType<SelfExamination>().ToList();
            var counts = new ExaminationCounts(
                Math.Max(0, takers - exams.Count),
                exams.Count(e => e.Status == ExaminationStatus.Draft),
                exams.Count(e => e.Status == ExaminationStatus.Submitted),
                exams.Count(e => e.Status == ExaminationStatus.Returned),
                exams.Count(e => e.Status == ExaminationStatus.Accepted));
            var published = publishedByUnit[unit.Id].ToList();
            var stages = stagesByUnit[unit.Id].ToList();
            var studyRequired = progress.Count(p => p.StudyMinimumDays is > 0);
            var studyDone = progress.Count(p => p.StudyMinimumDays is > 0 && !p.StudyBehind);
            var deadline = owner.Calendar.PhaseEnd(unit.Id, campaign.Phases[0].Code);
            var examDeadline = campaign.Phases.Count > 1 ? owner.Calendar.PhaseEnd(unit.Id, campaign.Phases[1].Code) : deadline;
            var behind = (today > deadline && studyDone < studyRequired)
                || (today > examDeadline && counts.Accepted + counts.Submitted < takers)
                || counts.Returned > 0;
            var silent = takers == 0 || (exams.Count == 0 && published.Count == 0 && !unitsWithEntries.Contains(unit.Id));
            return new UnitStanding(
                unit,
                campaign.FindUnitKind(unit.Kind)?.Name ?? unit.Kind,
                owner.CountyOf(unit),
                owner.DepthOf(unit),
                takers,
                studyDone,
                studyRequired,
                progress.Count(p => p.ResearchBehind),
                progress.Count(p => p.HouseholdsBehind),
                counts,
                published.Count,
                published.Select(p => p.MemberId).Distinct(StringComparer.Ordinal).Count(),
                checkInsByUnit[unit.Id].Count(),
                stages.Count(s => s.Standing == StageStanding.Passed),
                stages.Count(s => s.Standing == StageStanding.InProgress),
                stages.Count(s => s.Standing == StageStanding.NeedsMakeUp),
                deadline,
                behind,
                silent);
        }
    }
}
