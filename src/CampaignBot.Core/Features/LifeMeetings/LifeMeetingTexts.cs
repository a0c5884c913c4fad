namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>The words of the democratic life meeting (专题民主生活会) and its three rounds of talks (三轮沟通).</summary>
public static partial class LifeMeetingTexts
{
    public static Text AskPoints(string name, string? reason, IReadOnlyList<string> current, int max, int maxLength) => new(
        (reason is null ? string.Empty : $"退回理由：{reason}\n")
        + (current.Count == 0 ? string.Empty : "现在的内容：\n" + Numbered(current) + "\n")
        + $"请写出你准备向{name}提出的批评意见，每条一行（最多 {max} 条，每条不超过 {maxLength} 字）。",
        (reason is null ? string.Empty : $"Sent back: {reason}\n")
        + (current.Count == 0 ? string.Empty : "Now:\n" + Numbered(current) + "\n")
        + $"Write the criticisms you will raise with {name}, one per line (at most {max}, each at most {maxLength} characters).");

    public static Text ShowForCheck(string from, string to, IReadOnlyList<string> points, int returns) => new(
        $"{from} → {to}" + (returns > 0 ? $"（已退回 {returns} 次）" : string.Empty) + $"：\n{Numbered(points)}\n行不行？",
        $"{from} → {to}" + (returns > 0 ? $" (sent back {Plural.En(returns, "time")})" : string.Empty) + $":\n{Numbered(points)}\nIs it right?");

    public static Text AskSpeech(string name, bool head) => new(
        $"{name}{(head ? "（一把手，约 30 分钟）" : "（班子成员，约 20 分钟）")}：发言多少分钟、提出几条批评意见？如“{(head ? 30 : 20)} 3”",
        $"{name}{(head ? " (head, about 30 min)" : " (member, about 20 min)")}: minutes spoken and criticisms raised? e.g. \"{(head ? 30 : 20)} 3\"");

    public static Text RecordSummary(string date, bool supervisor, string attendance, string speeches, string? note) => new(
        $"会议日期：{date}\n督导组：{(supervisor ? "到会" : "未到会")}\n出席：{attendance}\n发言：\n{speeches}" + (note is null ? string.Empty : $"\n备注：{note}"),
        $"Date: {date}\nSupervisor: {(supervisor ? "present" : "absent")}\nAttendance: {attendance}\nSpeeches:\n{speeches}" + (note is null ? string.Empty : $"\nNote: {note}"));

    public static Text SpeechLine(string name, int minutes, int criticisms, bool shortOfGuide) => new(
        $"  {name}：{minutes} 分钟，批评意见 {criticisms} 条" + (shortOfGuide ? "（少于约定时长）" : string.Empty),
        $"  {name}: {minutes} min, {criticisms} criticisms" + (shortOfGuide ? " (shorter than the guide)" : string.Empty));

    public static Text Attendance(int present, int team, Text absent) => new(
        $"{present} / {team} 人" + (absent.Chinese.Length == 0 ? string.Empty : $"（缺席：{absent.Chinese}）"), $"{present} of {team}" + (absent.English.Length == 0 ? string.Empty : $" (absent: {absent.English})"));

    public static Text ReviewTold(string unit, string by, string? note) => new(
        $"督导组{by}已审阅{unit}的专题民主生活会记录" + (note is null ? "。" : $"：{note}"), $"Supervisor {by} reviewed {unit}'s meeting record" + (note is null ? "." : $": {note}"));

    public static Text TalkState(CriticismTalk talk, string from, string to)
    {
        ArgumentNullException.ThrowIfNull(talk);
        Text state = talk.Status switch
        {
            TalkStatus.NotWritten => new("未填写", "not written"),
            TalkStatus.AwaitingCheck => new("待一把手审核", "awaiting the head's check"),
            TalkStatus.SentBack => new($"已退回（{talk.Returns} 次），待修改", $"sent back ({talk.Returns}), to revise"),
            TalkStatus.AwaitingConfirmation => new(
                $"待确认（{from}{Tick(talk.FromConfirmed)}，{to}{Tick(talk.ToConfirmed)}）",
                $"to confirm ({from}{Tick(talk.FromConfirmed)}, {to}{Tick(talk.ToConfirmed)})"),
            _ => new("双方已确认", "confirmed by both"),
        };
        return new($"{from} → {to}：{state.Chinese}", $"{from} → {to}: {state.English}");
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Numbered(IEnumerable<string> items) =>
        string.Join("\n", items.Select((item, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {item}"));

    private static string Tick(bool done) => done ? "✓" : "✗";
}
