namespace CampaignBot.Core.Features.Opinions;

/// <summary>The words of opinion collection (征求意见), for the masses and for the unit.</summary>
public static partial class OpinionTexts
{
    public static Text Status(Opinion opinion) => new(
        $"你的意见（{opinion.GivenOn:yyyy-MM-dd}）：{StatusName(opinion.Status).Chinese}" + (opinion.Answer is { } a ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "理由" : "答复")}：{a}" : string.Empty) + (opinion.LedgerItemId is { } l ? $"\n已列入整改台帐 {l}。" : string.Empty),
        $"Your opinion ({opinion.GivenOn:yyyy-MM-dd}): {StatusName(opinion.Status).English}" + (opinion.Answer is { } b ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "Reason" : "Answer")}: {b}" : string.Empty) + (opinion.LedgerItemId is { } m ? $"\nPut on the rectification ledger as {m}." : string.Empty));

    /// <summary>
    /// A unit's line in the opinions' part of /progress: how many, how many in each status, and per category (most
    /// first) when there are any.
    /// </summary>
    public static Text ProgressLine(string unitName, IReadOnlyList<Opinion> opinions, CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(opinions);
        string Statuses(bool english) => string.Join(english ? ", " : "，", Enum.GetValues<OpinionStatus>().Select(s => $"{StatusName(s).In(english)} {opinions.Count(o => o.Status == s)}"));
        var categories = opinions.GroupBy(o => o.Category).OrderByDescending(g => g.Count()).Select(g => $"{ProblemCategories.Name(campaign, g.Key)} {g.Count()}").ToList();
        return new(
            $"{unitName}：{opinions.Count} 条（{Statuses(false)}）" + (categories.Count > 0 ? "；按类别：" + string.Join("，", categories) : string.Empty),
            $"{unitName}: {opinions.Count} ({Statuses(true)})" + (categories.Count > 0 ? "; by category: " + string.Join(", ", categories) : string.Empty));
    }
}
