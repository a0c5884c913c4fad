using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Ledger;

/// <summary>Counts of one unit's ledger: items, done, in progress, overdue, institutions.</summary>
public sealed record LedgerCounts(int Items, int Done, int InProgress, int NotStarted, int Overdue, int Institutions)
{
    public static LedgerCounts Of(IReadOnlyCollection<LedgerItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        return new(
            items.Count,
            items.Count(i => i.Status == LedgerStatus.Done),
            items.Count(i => i.Status == LedgerStatus.InProgress),
            items.Count(i => i.Status == LedgerStatus.NotStarted),
            items.Count(i => i.Status == LedgerStatus.Overdue),
            items.Count(i => i.Institution is not null));
    }

    public Text Text => LedgerTexts.Counts(Items, Done, InProgress, NotStarted, Overdue, Institutions);

    public string Chinese => Text.Chinese;

    public string English => Text.English;
}

/// <summary>
/// 向群众公示: the 整改落实评判 ballot shows the unit's ledger (counts and the problems with their status, no names), so the
/// masses judge rectification they can see.
/// </summary>
public sealed class LedgerBallotBriefing(ILedgerStore ledger, IOptions<LedgerOptions> options) : IBallotBriefing
{
    private const int MaxLines = 8;

    public async Task<string?> BriefAsync(string unitId, string stage, CancellationToken cancellationToken)
    {
        if (stage != options.Value.BriefingStage)
        {
            return null;
        }

        var items = await ledger.ListAsync(unitId, cancellationToken);
        var text = new StringBuilder("【整改公示】").Append(LedgerCounts.Of(items).Chinese);
        foreach (var item in items.OrderBy(i => i.Deadline).Take(MaxLines))
        {
            text.Append('\n').Append("· ").Append(item.Problem.Length <= 40 ? item.Problem : item.Problem[..40] + "…")
                .Append('（').Append(LedgerTexts.StatusName(item.Status).Chinese).Append('）');
        }

        if (items.Count > MaxLines)
        {
            text.Append($"\n……共 {items.Count} 项");
        }

        return text.ToString();
    }
}

/// <summary>The ledger part of /progress: items per status, per unit.</summary>
public sealed class LedgerProgressSection(ILedgerStore ledger, CampaignDefinition campaign)
    : UnitLinesSection<LedgerItem>(30, LedgerTexts.ProgressHeading, campaign, ledger.ListAsync, i => i.UnitId, (name, items) => LedgerTexts.ProgressLine(name, LedgerCounts.Of(items)));

/// <summary>The ledger as a table (campaignbot export ledger, /export ledger).</summary>
public sealed class LedgerTable(ILedgerStore ledger, CampaignDefinition campaign)
{
    public async Task<CampaignTable> BuildAsync(string? unitId, CancellationToken cancellationToken)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var item in (await ledger.ListAsync(unitId, cancellationToken)).OrderBy(i => i.UnitId, StringComparer.Ordinal).ThenBy(i => i.Id, StringComparer.Ordinal))
        {
            var history = await ledger.HistoryAsync(item.Id, cancellationToken);
            rows.Add(
            [
                item.Id, item.UnitId, campaign.FindUnit(item.UnitId)?.Name ?? item.UnitId, item.Problem, item.Category, LedgerTexts.SourceName(item.Source).Chinese,
                string.Join("、", item.SourceRefs), item.Measures, item.LeadLeaderName, LedgerTexts.Date(item.Deadline), LedgerTexts.StatusName(item.Status).Chinese,
                item.AwaitingConfirmation ? "是" : string.Empty, string.Join("；", item.Evidence.Select(e => e.Sha256 is { } hash ? $"{e.Describe()}（SHA-256 {hash}）" : e.Describe())),
                item.Institution is { } change ? $"{LedgerTexts.InstitutionName(change).Chinese}《{item.InstitutionTitle}》" : string.Empty,
                item.EscalationLevel.ToString(System.Globalization.CultureInfo.InvariantCulture), item.Reopened.ToString(System.Globalization.CultureInfo.InvariantCulture),
                CampaignTable.Time(item.CreatedAt, zone), string.Join("\n", history.Select(h => $"{CampaignTable.Time(h.At, zone)} {h.ByIn(Language.Chinese)}：{h.What}")),
            ]);
        }

        return new CampaignTable("整改台帐", ["编号", "单位ID", "责任单位", "问题", "类别", "来源", "来源编号", "整改措施", "牵头领导", "完成时限", "状态", "待确认", "佐证", "建章立制", "督办级别", "重新打开次数", "建立时间", "历史"], rows);
    }
}

/// <summary>/export opinions and /export ledger.</summary>
public sealed class OpinionAndLedgerTables(LedgerTable ledger, Opinions.OpinionTable opinions) : ITableSource
{
    public IReadOnlyList<string> Kinds => ["opinions", "ledger"];

    public Task<CampaignTable> BuildAsync(string kind, string? unitId, CancellationToken cancellationToken) =>
        kind == "opinions" ? opinions.BuildAsync(unitId, cancellationToken) : ledger.BuildAsync(unitId, cancellationToken);
}
