using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>One unit's line of a monthly bulletin; shares are 0–1, the score their average.</summary>
public sealed record BulletinRow(
    string UnitId,
    string UnitName,
    decimal StudyShare,
    int ExaminationsAccepted,
    int Members,
    decimal PledgesKeptShare,
    int LedgerItems,
    int LedgerDone,
    int LedgerOverdue,
    int EvaluationsPassed,
    int MakeUps,
    int PracticalThings,
    bool DispatchAnswered,
    decimal Score)
{
    public int Rank { get; init; }
}

/// <summary>A month's bulletin (月通报): units ranked by score, the bottom ones named, the silent ones (no dispatch answer) listed.</summary>
public sealed record Bulletin(string Month, IReadOnlyList<BulletinRow> Rows, IReadOnlyList<string> Bottom, IReadOnlyList<string> Silent, IReadOnlyList<Text> OverdueLines)
{
    /// <summary>Lines other features add (organisational handling decided this month).</summary>
    public IReadOnlyList<BulletinNote> Notes { get; init; } = [];

    /// <summary>What other features add (<see cref="IBulletinSection"/>), in their order, after the ranking.</summary>
    public IReadOnlyList<Text> Sections { get; init; } = [];

    /// <summary>
    /// When the figures were read, as people read it ("2027-04-01 09:00", campaign time): statuses (ledger, reviews,
    /// pledges, rounds) are those of that moment, so a month's bulletin built later says so; null for none.
    /// </summary>
    public string? AsOf { get; init; }

    /// <summary>The office's version: every number, and the overdue items with their lead leaders.</summary>
    public string OfficeText(Language language = Language.Chinese)
    {
        var text = new StringBuilder(Body(language));
        if (OverdueLines.Count > 0)
        {
            text.Append('\n').Append(BulletinTexts.BulletinOverdueHeading.In(language));
            foreach (var line in OverdueLines.Take(30))
            {
                text.Append("\n· ").Append(line.In(language));
            }
        }

        foreach (var note in Notes)
        {
            text.Append('\n').Append(note.OfficeLine.In(language));
        }

        return text.ToString();
    }

    /// <summary>The public version for the units' groups (which read the Chinese): unit-level numbers only, no person named.</summary>
    public string PublicText() => Body(Language.Chinese) + PublicNotes() + AsOfLine(Language.Chinese);

    /// <summary>"\n（数据截至 2027-04-01 09:00）", or nothing when the time is not known.</summary>
    public string AsOfLine(Language language) => AsOf is null ? string.Empty : "\n" + BulletinTexts.BulletinAsOf(AsOf).In(language);

    private string Body(Language language)
    {
        var text = new StringBuilder(BulletinTexts.BulletinHeading(Month).In(language));
        foreach (var row in Rows)
        {
            text.Append('\n').Append(BulletinTexts.BulletinRow(
                row.Rank, row.UnitName, Percent(row.Score), Percent(row.StudyShare), row.ExaminationsAccepted, row.Members, Percent(row.PledgesKeptShare),
                row.LedgerDone, row.LedgerItems, row.LedgerOverdue, row.EvaluationsPassed, row.MakeUps, row.PracticalThings).In(language));
        }

        text.Append('\n').Append(BulletinTexts.BulletinBottom(Units(Bottom)).In(language));
        text.Append('\n').Append(BulletinTexts.BulletinSilent(Units(Silent)).In(language));
        foreach (var section in Sections)
        {
            text.Append('\n').Append(section.In(language));
        }

        return text.ToString();
    }

    private static Text Units(IReadOnlyList<string> names) =>
        names.Count == 0 ? BulletinTexts.BulletinNone : new Text(string.Join("、", names), string.Join(", ", names));

    private string PublicNotes() => string.Concat(Notes.Select(n => "\n" + n.Public));

    public CampaignTable Table() => new(
        $"月通报{Month}",
        ["名次", "单位ID", "单位", "综合得分", "学习达标率", "对照检查通过", "人数", "承诺践行率", "台帐事项", "已完成", "逾期", "评议通过阶段", "补课轮次", "办实事", "已报送月调度"],
        [.. Rows.Select(r => (IReadOnlyList<string>)[
            r.Rank.ToString(CultureInfo.InvariantCulture), r.UnitId, r.UnitName, Percent(r.Score), Percent(r.StudyShare),
            r.ExaminationsAccepted.ToString(CultureInfo.InvariantCulture), r.Members.ToString(CultureInfo.InvariantCulture), Percent(r.PledgesKeptShare),
            r.LedgerItems.ToString(CultureInfo.InvariantCulture), r.LedgerDone.ToString(CultureInfo.InvariantCulture), r.LedgerOverdue.ToString(CultureInfo.InvariantCulture),
            r.EvaluationsPassed.ToString(CultureInfo.InvariantCulture), r.MakeUps.ToString(CultureInfo.InvariantCulture), r.PracticalThings.ToString(CultureInfo.InvariantCulture),
            r.DispatchAnswered ? "是" : "否"])]);

    public static string Percent(decimal share) => (share * 100m).ToString("0", CultureInfo.InvariantCulture) + "%";
}

/// <summary>A line another feature adds to a month's bulletin: in full for the office, without names for the groups.</summary>
public sealed record BulletinNote(Text OfficeLine, Text PublicLine)
{
    /// <summary>The office's line in Chinese.</summary>
    public string Office => OfficeLine.Chinese;

    /// <summary>The groups' line (groups read the Chinese).</summary>
    public string Public => PublicLine.Chinese;
}

/// <summary>What another feature has to say in a month's bulletin (organisational handling decided that month).</summary>
public interface IBulletinNotes
{
    Task<IReadOnlyList<BulletinNote>> NotesAsync(string month, CancellationToken cancellationToken);
}

/// <summary>Draws a bulletin's chart (PNG); the host implements it with ScottPlot.</summary>
public interface IBulletinChart
{
    byte[] Render(Bulletin bulletin);
}

/// <summary>Builds a month's bulletin from the stores: study, examinations, pledges, ledger, evaluations and the dispatch answers.</summary>
public sealed class BulletinBuilder(
    IMemberStore memberStore,
    IBulletinStore bulletins,
    Examinations.IExaminationStore examinations,
    IPledgeStore pledgeStore,
    ILedgerStore ledgerStore,
    IEvaluationRoundStore evaluationRounds,
    Study.StudyProgressService study,
    CampaignDefinition campaign,
    IOptions<BulletinOptions> options,
    IEnumerable<IBulletinNotes>? notes = null,
    IEnumerable<IBulletinSection>? sections = null)
{
    private readonly IReadOnlyList<IBulletinSection> _sections = [.. (sections ?? []).OrderBy(s => s.Order)];

    /// <summary>The month's bulletin from the stores as they are at <paramref name="now"/>, which it names.</summary>
    public async Task<Bulletin> BuildAsync(string month, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // Active members who take part, each in the unit they take part with (a mobile member's host unit), like /progress
        // and the dashboard; their records are filed under their home unit, so they are matched by member.
        var members = (await memberStore.ListAsync(null, cancellationToken)).Where(m => m.IsActive && m.TakesPart).ToList();
        var unitOf = members.ToDictionary(m => m.Id, m => m.PrimaryUnitId, StringComparer.Ordinal);
        var dispatches = (await bulletins.ListDispatchesAsync(month, cancellationToken)).ToDictionary(d => d.UnitId, StringComparer.Ordinal);
        var exams = (await examinations.ListAsync(null, cancellationToken)).Where(e => unitOf.ContainsKey(e.MemberId)).ToLookup(e => unitOf[e.MemberId], StringComparer.Ordinal);
        var pledges = (await pledgeStore.ListAsync(null, cancellationToken)).Where(p => p.Status == PledgeStatus.Published && unitOf.ContainsKey(p.MemberId)).ToLookup(p => unitOf[p.MemberId], StringComparer.Ordinal);
        var checkIns = (await pledgeStore.ListCheckInsAsync(null, cancellationToken)).Where(c => c.Period == month && unitOf.ContainsKey(c.MemberId)).ToLookup(c => unitOf[c.MemberId], StringComparer.Ordinal);
        var rounds = await evaluationRounds.ListAsync(null, cancellationToken);
        var monthEnd = MonthEnd(month);
        var calendar = new CampaignCalendar(campaign);
        var ledger = await LedgerAtMonthEndAsync(monthEnd, calendar, now, cancellationToken);
        var rows = new List<BulletinRow>();
        var counted = new List<LedgerItem>();
        foreach (var unit in campaign.Units)
        {
            var people = members.Where(m => m.PrimaryUnitId == unit.Id).ToList();
            var standings = people.Count == 0 ? [] : await study.ForMembersAsync(people, unit.Id, cancellationToken);
            var studyShare = Share(standings.Count(s => !s.IsBehind), standings.Count);
            var accepted = exams[unit.Id].Count(e => e.Status == Examinations.ExaminationStatus.Accepted);
            var unitPledges = pledges[unit.Id].Count();
            var kept = checkIns[unit.Id].Count(c => c.Outcome == PledgeOutcomes.Kept);

            var items = ledger.Where(i => i.UnitId == unit.Id).ToList();
            counted.AddRange(items);
            var done = items.Count(i => i.Status == LedgerStatus.Done);
            var overdue = items.Count(i => i.Status == LedgerStatus.Overdue);
            var unitRounds = rounds.Where(r => r.UnitId == unit.Id).GroupBy(r => r.Stage).ToList();
            var passed = unitRounds.Count(g => EvaluationReport.StandingOf(g) == StageStanding.Passed);
            var makeUps = unitRounds.Sum(g => Math.Max(0, g.Count() - 1));
            var dispatch = dispatches.GetValueOrDefault(unit.Id);
            var ledgerShare = items.Count == 0 ? 1m : Share(done, items.Count) * (1m - (0.5m * Share(overdue, items.Count)));
            var score = (studyShare + Share(accepted, people.Count) + Share(kept, unitPledges) + ledgerShare + (dispatch is null ? 0m : 1m)) / 5m;
            rows.Add(new BulletinRow(unit.Id, unit.Name, studyShare, accepted, people.Count, Share(kept, unitPledges), items.Count, done, overdue, passed, makeUps, dispatch?.PracticalThings ?? 0, dispatch is not null, decimal.Round(score, 4)));
        }

        var ranked = rows.OrderByDescending(r => r.Score).ThenBy(r => r.UnitId, StringComparer.Ordinal).Select((r, i) => r with { Rank = i + 1 }).ToList();
        var bottom = ranked.Count <= options.Value.BottomCount ? [] : ranked.TakeLast(options.Value.BottomCount).Select(r => r.UnitName).ToList();
        var silent = ranked.Where(r => !r.DispatchAnswered).Select(r => r.UnitName).ToList();
        // The items the ranking counts, so the list and the units' overdue numbers agree.
        var overdueLines = counted.Where(i => i.Status == LedgerStatus.Overdue)
            .Select(i => BulletinTexts.BulletinOverdueLine(campaign.FindUnit(i.UnitId)?.Name ?? i.UnitId, i.Id, i.Problem, i.LeadLeaderName, LedgerTexts.Date(i.Deadline))).ToList();
        var added = new List<BulletinNote>();
        foreach (var source in notes ?? [])
        {
            added.AddRange(await source.NotesAsync(month, cancellationToken));
        }

        var parts = new List<Text>();
        foreach (var section in _sections)
        {
            if (await section.RenderAsync(month, cancellationToken) is { Chinese.Length: > 0 } part)
            {
                parts.Add(part);
            }
        }

        return new Bulletin(month, ranked, bottom, silent, overdueLines) { Notes = added, Sections = parts, AsOf = calendar.Local(now) };
    }

    /// <summary>
    /// The ledger's items made by the month's end, each with the status it had then: a past month's bulletin, drafted on
    /// the 1st or previewed later, counts an item confirmed or marked overdue after the month as it stood in the month.
    /// Only an item changed since the month's end has its history read.
    /// </summary>
    private async Task<List<LedgerItem>> LedgerAtMonthEndAsync(DateOnly monthEnd, CampaignCalendar calendar, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The month an item was made in is the campaign's month (Beijing), not UTC's: 07:00 on the 1st is the new month.
        var items = (await ledgerStore.ListAsync(null, cancellationToken)).Where(i => calendar.Today(i.CreatedAt) <= monthEnd).ToList();
        if (monthEnd >= calendar.Today(now))
        {
            return items;
        }

        var then = new List<LedgerItem>(items.Count);
        foreach (var item in items)
        {
            var unchanged = item.ChangedAt is { } changed && calendar.Today(changed) <= monthEnd;
            var history = unchanged ? [] : await ledgerStore.HistoryAsync(item.Id, cancellationToken);
            then.Add(item with { Status = item.StatusOn(monthEnd, calendar.Today, history) });
        }

        return then;
    }

    /// <summary>"2027-03" → true and the month; anything else false.</summary>
    public static bool TryParseMonth(string? text, out DateOnly first)
    {
        return DateOnly.TryParseExact((text ?? string.Empty) + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out first);
    }

    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static DateOnly MonthEnd(string month) => TryParseMonth(month, out var first) ? first.AddMonths(1).AddDays(-1) : DateOnly.MaxValue;

    private static decimal Share(int part, int whole) => whole == 0 ? 0m : Math.Min(1m, (decimal)part / whole);
}
