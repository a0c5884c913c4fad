namespace CampaignBot.Core.Features.Ledger;

/// <summary>The words of the rectification ledger (整改台帐).</summary>
public static partial class LedgerTexts
{
    /// <summary>
    /// The head of /ledger show: the item, its status, the problem and where it came from, the three 落实 (measures, lead
    /// leader and responsible unit, deadline), the institution and each piece of evidence. The history follows it.
    /// </summary>
    public static string Card(LedgerItem item, string unitName, bool english)
    {
        ArgumentNullException.ThrowIfNull(item);
        var refs = item.SourceRefs.Count > 0 ? " " + string.Join(english ? ", " : "、", item.SourceRefs) : string.Empty;
        var text = new StringBuilder(english
            ? $"{item.Id} [{StatusName(item.Status).English}{(item.AwaitingConfirmation ? ", awaiting confirmation" : string.Empty)}] {unitName}\n"
              + $"Problem: {item.Problem} (from {SourceName(item.Source).English}{refs})\n"
              + $"Measures: {item.Measures}\nLead leader: {item.LeadLeaderName}  Responsible unit: {unitName}  Deadline: {Date(item.Deadline)}\n"
            : $"{item.Id}［{StatusName(item.Status).Chinese}{(item.AwaitingConfirmation ? "，待确认" : string.Empty)}］{unitName}\n"
              + $"问题：{item.Problem}（来源：{SourceName(item.Source).Chinese}{refs}）\n"
              + $"整改措施：{item.Measures}\n牵头领导：{item.LeadLeaderName}　责任单位：{unitName}　完成时限：{Date(item.Deadline)}\n");
        if (item.Institution is { } change)
        {
            text.Append(english ? $"Institution: {InstitutionName(change).English} \"{item.InstitutionTitle}\"\n" : $"建章立制：{InstitutionName(change).Chinese}《{item.InstitutionTitle}》\n");
        }

        foreach (var evidence in item.Evidence)
        {
            var failing = evidence is { File: EvidenceFileState.Fetching, Attempts: > 0 };
            text.Append(english ? "Evidence: " : "佐证：").Append(evidence.Describe(english));
            if (failing)
            {
                text.Append(english ? $" (tried {Plural.En(evidence.Attempts, "time")}: {evidence.Failure})" : $"（已试 {evidence.Attempts} 次：{evidence.Failure}）");
            }

            text.Append('\n');
        }

        return text.Append(english ? "History:" : "历史：").ToString();
    }

    /// <summary>The mark a listed item carries while its completion waits for the secretary's confirmation.</summary>
    public static string AwaitingMark(bool english) => english ? " · to confirm" : "·待确认";

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

    /// <summary>Who an overdue item is escalated to at each level: the secretary, then the supervision group, then the office.</summary>
    public static Text Level(int level) => level switch
    {
        LedgerPeople.SecretaryLevel => LevelSecretary,
        LedgerPeople.SupervisorLevel => LevelSupervisor,
        _ => LevelOffice,
    };

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
