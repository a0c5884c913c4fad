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

    /// <summary>Every piece of evidence of an item, described ("照片 整改.jpg 1.2 MB；已公示办事流程").</summary>
    public static string EvidenceList(LedgerItem item, bool english = false) =>
        item is null ? string.Empty : string.Join(english ? "; " : "；", item.Evidence.Select(e => e.Describe(english)));

    /// <summary>What the bot calls a sticker, a voice note and other media it does not take.</summary>
    public static string MediaName(string kind, bool english = false) => (kind, english) switch
    {
        ("sticker", false) => "表情贴纸",
        ("sticker", true) => "a sticker",
        ("voice", false) => "语音",
        ("voice", true) => "a voice note",
        ("video", false) or ("video_note", false) or ("animation", false) => "视频",
        ("video", true) or ("video_note", true) or ("animation", true) => "a video",
        ("audio", false) => "音频",
        ("audio", true) => "an audio file",
        ("location", false) => "位置",
        ("location", true) => "a location",
        (_, false) => "这类消息",
        _ => "that kind of message",
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
