using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Opinions;

/// <summary>
/// 向群众公示: the 查摆问题评议 ballot shows the problems found from opinions and from the accepted self-examinations, by
/// category and anonymised (counts and the categories only, never a text that could name a giver or a member), so the
/// masses judge whether the unit found the right problems.
/// </summary>
public sealed class OpinionBallotBriefing(IOpinionStore store, Examinations.IExaminationProblems examinations, CampaignDefinition campaign, IOptions<OpinionOptions> options) : IBallotBriefing
{
    public async Task<string?> BriefAsync(string unitId, string stage, CancellationToken cancellationToken)
    {
        if (stage != options.Value.BriefingStage)
        {
            return null;
        }

        var opinions = (await store.ListAsync(unitId, cancellationToken)).Where(o => o.Status != OpinionStatus.Merged).ToList();
        var byCategory = opinions.GroupBy(o => o.Category).OrderByDescending(g => g.Count()).Take(8)
            .Select(g => $"{ProblemCategories.Name(campaign, g.Key)} {g.Count()} 条（采纳 {g.Count(o => o.Status == OpinionStatus.Adopted)}）");
        var found = await examinations.CountByCategoryAsync(unitId, cancellationToken);
        var examined = found.Count == 0 ? string.Empty
            : $"\n对照检查查摆问题 {found.Sum(f => f.Count)} 个：" + string.Join("；", found.Take(8).Select(f => $"{ProblemCategories.Name(campaign, f.Category)} {f.Count}"));
        return $"【查摆问题公示】收到意见 {opinions.Count} 条，已采纳 {opinions.Count(o => o.Status == OpinionStatus.Adopted)} 条" + (opinions.Count > 0 ? "：" + string.Join("；", byCategory) : string.Empty) + examined;
    }
}

/// <summary>The opinions part of /progress: per unit, how many and how handled, and per category.</summary>
public sealed class OpinionProgressSection(IOpinionStore store, CampaignDefinition campaign)
    : UnitLinesSection<Opinion>(25, OpinionTexts.ProgressHeading, campaign, store.ListAsync, o => o.UnitId, (name, opinions) => OpinionTexts.ProgressLine(name, opinions, campaign));

/// <summary>Opinions as a table (campaignbot export opinions, /export opinions). No giver: there is none stored.</summary>
public sealed class OpinionTable(IOpinionStore store, CampaignDefinition campaign)
{
    public async Task<CampaignTable> BuildAsync(string? unitId, CancellationToken cancellationToken)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var o in (await store.ListAsync(unitId, cancellationToken)).OrderBy(o => o.UnitId, StringComparer.Ordinal).ThenBy(o => o.GivenOn).ThenBy(o => o.Id, StringComparer.Ordinal))
        {
            rows.Add(
            [
                o.Id, o.UnitId, campaign.FindUnit(o.UnitId)?.Name ?? o.UnitId, OpinionTexts.SourceName(o.Source).Chinese, ProblemCategories.Name(campaign, o.Category),
                o.GivenOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), o.Text, OpinionTexts.StatusName(o.Status).Chinese,
                o.Answer ?? string.Empty, o.LedgerItemId ?? string.Empty, o.MergedInto ?? string.Empty, o.GiverName ?? string.Empty,
            ]);
        }

        return new CampaignTable("征求意见", ["编号", "单位ID", "单位", "方式", "类别", "日期", "意见内容", "状态", "答复或理由", "台帐编号", "合并到", "署名（经本人同意）"], rows);
    }
}
