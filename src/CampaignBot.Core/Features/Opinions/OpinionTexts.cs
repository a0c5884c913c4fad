namespace CampaignBot.Core.Features.Opinions;

/// <summary>The words of opinion collection (征求意见), for the masses and for the unit.</summary>
public static partial class OpinionTexts
{
    public static Text Status(Opinion opinion) => new(
        $"你的意见（{opinion.GivenOn:yyyy-MM-dd}）：{StatusName(opinion.Status)}" + (opinion.Answer is { } a ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "理由" : "答复")}：{a}" : string.Empty) + (opinion.LedgerItemId is { } l ? $"\n已列入整改台帐 {l}。" : string.Empty),
        $"Your opinion ({opinion.GivenOn:yyyy-MM-dd}): {StatusName(opinion.Status, true)}" + (opinion.Answer is { } b ? $"\n{(opinion.Status == OpinionStatus.Rejected ? "Reason" : "Answer")}: {b}" : string.Empty) + (opinion.LedgerItemId is { } m ? $"\nPut on the rectification ledger as {m}." : string.Empty));

    public static string StatusName(OpinionStatus status, bool english = false) => status switch
    {
        OpinionStatus.Pending => english ? "pending" : "待处理",
        OpinionStatus.Adopted => english ? "adopted" : "已采纳",
        OpinionStatus.Answered => english ? "answered" : "已答复",
        OpinionStatus.Rejected => english ? "not adopted" : "不予采纳",
        _ => english ? "merged" : "已合并",
    };

    public static string SourceName(OpinionSource source) => source switch
    {
        OpinionSource.Anonymous => "背对背",
        OpinionSource.Meeting => "座谈会",
        OpinionSource.Talk => "谈心谈话",
        OpinionSource.Visit => "走访",
        _ => "蹲点调研",
    };
}
