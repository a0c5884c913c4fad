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
public sealed record Bulletin(string Month, IReadOnlyList<BulletinRow> Rows, IReadOnlyList<string> Bottom, IReadOnlyList<string> Silent, IReadOnlyList<string> OverdueLines)
{
    /// <summary>The office's version: every number, and the overdue items with their lead leaders.</summary>
    public string OfficeText()
    {
        var text = new StringBuilder(PublicText());
        if (OverdueLines.Count > 0)
        {
            text.Append("\n逾期整改事项：");
            foreach (var line in OverdueLines.Take(30))
            {
                text.Append("\n· ").Append(line);
            }
        }

        return text.ToString();
    }

    /// <summary>The public version for the units' groups: unit-level numbers only, no person named.</summary>
    public string PublicText()
    {
        var text = new StringBuilder($"【{Month} 月通报】教育实践活动整改落实月调度情况\n排名（综合得分）：");
        foreach (var row in Rows)
        {
            text.Append($"\n{row.Rank}. {row.UnitName} {Percent(row.Score)}｜学习 {Percent(row.StudyShare)}｜对照检查通过 {row.ExaminationsAccepted}/{row.Members}｜履诺 {Percent(row.PledgesKeptShare)}｜整改 {row.LedgerDone}/{row.LedgerItems}（逾期 {row.LedgerOverdue}）｜评议通过 {row.EvaluationsPassed}（补课 {row.MakeUps}）｜办实事 {row.PracticalThings}");
        }

        text.Append("\n倒排名：").Append(Bottom.Count == 0 ? "无" : string.Join("、", Bottom));
        text.Append("\n未报送月调度的单位：").Append(Silent.Count == 0 ? "无" : string.Join("、", Silent));
        return text.ToString();
    }

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
    IOptions<BulletinOptions> options)
{
    public async Task<Bulletin> BuildAsync(string month, CancellationToken cancellationToken)
    {
        var members = (await memberStore.ListAsync(null, cancellationToken)).Where(m => m.Role is not (Roles.CampaignOffice or Roles.Supervisor)).ToList();
        var dispatches = (await bulletins.ListDispatchesAsync(month, cancellationToken)).ToDictionary(d => d.UnitId, StringComparer.Ordinal);
        var exams = await examinations.ListAsync(null, cancellationToken);
        var pledges = (await pledgeStore.ListAsync(null, cancellationToken)).Where(p => p.Status == PledgeStatus.Published).ToList();
        var checkIns = (await pledgeStore.ListCheckInsAsync(null, cancellationToken)).Where(c => c.Period == month).ToList();
        var ledger = await ledgerStore.ListAsync(null, cancellationToken);
        var rounds = await evaluationRounds.ListAsync(null, cancellationToken);
        var monthEnd = MonthEnd(month);
        var rows = new List<BulletinRow>();
        foreach (var unit in campaign.Units)
        {
            var people = members.Where(m => m.UnitId == unit.Id).ToList();
            var standings = people.Count == 0 ? [] : await study.ForMembersAsync(people, unit.Id, cancellationToken);
            var studyShare = Share(standings.Count(s => !s.IsBehind), standings.Count);
            var accepted = exams.Count(e => e.UnitId == unit.Id && e.Status == Examinations.ExaminationStatus.Accepted);
            var unitPledges = pledges.Count(p => p.UnitId == unit.Id);
            var kept = checkIns.Count(c => c.UnitId == unit.Id && c.Outcome == PledgeOutcomes.Kept);
            var items = ledger.Where(i => i.UnitId == unit.Id && DateOnly.FromDateTime(i.CreatedAt.UtcDateTime) <= monthEnd).ToList();
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
        var overdueLines = ledger.Where(i => i.Status == LedgerStatus.Overdue)
            .Select(i => $"{campaign.FindUnit(i.UnitId)?.Name ?? i.UnitId} {i.Id}「{i.Problem}」牵头领导 {i.LeadLeaderName}，时限 {LedgerTexts.Date(i.Deadline)}").ToList();
        return new Bulletin(month, ranked, bottom, silent, overdueLines);
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
