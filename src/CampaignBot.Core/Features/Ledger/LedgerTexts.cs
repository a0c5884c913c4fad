namespace CampaignBot.Core.Features.Ledger;

/// <summary>The words of the rectification ledger (整改台帐).</summary>
public static partial class LedgerTexts
{
    public static string StatusName(LedgerStatus status, bool english = false) => status switch
    {
        LedgerStatus.NotStarted => english ? "not started" : "未开始",
        LedgerStatus.InProgress => english ? "in progress" : "整改中",
        LedgerStatus.Done => english ? "done" : "已完成",
        _ => english ? "overdue" : "逾期",
    };

    public static string InstitutionName(InstitutionChange? change, bool english = false) => change switch
    {
        InstitutionChange.Abolish => english ? "abolish" : "废",
        InstitutionChange.Amend => english ? "amend" : "改",
        InstitutionChange.Establish => english ? "establish" : "立",
        _ => string.Empty,
    };

    public static string SourceName(ProblemSource source) => source switch
    {
        ProblemSource.Opinion => "群众意见",
        ProblemSource.Examination => "对照检查",
        ProblemSource.Supervisor => "督导组",
        _ => "随机调研",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
