using System.Globalization;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>The words of the democratic life meeting (专题民主生活会) and its three rounds of talks (三轮沟通).</summary>
public static class LifeMeetingTexts
{
    public static readonly Text Usage = new(
        "专题民主生活会：\n/meeting — 查看准备情况\n/meeting open — 开启准备（支部书记）\n/criticise — 写出准备提出的批评意见（提什么）\n/meeting check — 审核批评意见（一把手：行不行）\n/meeting confirm — 确认批评意见（够不够）\n/meeting talks — 查看可以阅看的批评意见\n/meeting ready — 全部确认后标记可以召开（支部书记）\n/meeting record — 会后记录会议情况（支部书记）\n/meeting review <编号> [意见] — 审阅会议记录（督导组）",
        "The democratic life meeting:\n/meeting — the state of the preparation\n/meeting open — open the preparation (secretary)\n/criticise — write the criticisms you will raise\n/meeting check — check criticisms (the head)\n/meeting confirm — confirm criticisms are enough\n/meeting talks — read the criticisms you may read\n/meeting ready — mark the meeting ready once all are confirmed (secretary)\n/meeting record — record the meeting afterwards (secretary)\n/meeting review <id> [note] — review the record (supervisor)");

    public static readonly Text PrivateOnly = new("专题民主生活会的准备和记录请在与我的私聊中进行。", "Please prepare and record the meeting in a private chat with me.");

    public static readonly Text NotRegistered = new("你还没有注册。发送 /start 注册。", "You are not registered yet. Send /start to register.");

    public static readonly Text OnlySecretary = new("只有本单位支部书记可以开启准备、标记召开和记录会议。", "Only the unit's secretary opens the preparation, marks it ready and records the meeting.");

    public static readonly Text OnlySupervisor = new("只有该单位的督导组可以审阅会议记录。", "Only a supervisor of the unit reviews the meeting record.");

    public static readonly Text OnlyHead = new("只有领导班子的一把手审核批评意见（行不行）。", "Only the head of the leadership team checks criticisms.");

    public static readonly Text NoMeeting = new("本单位还没有开启专题民主生活会的准备。", "The unit has not opened the preparation of a democratic life meeting.");

    public static readonly Text NotInTeam = new("你不在正在准备专题民主生活会的领导班子中。", "You are not in a leadership team preparing a democratic life meeting.");

    public static readonly Text NotYours = new("你不能查看这个单位的专题民主生活会。", "You may not see this unit's democratic life meeting.");

    public static readonly Text AlreadyOpen = new("本单位已有正在准备的专题民主生活会，请先完成它。发送 /meeting 查看。", "The unit already has a meeting in preparation. Send /meeting to see it.");

    public static readonly Text TooFewPeople = new("本单位注册的人员不足 2 人，无法组成领导班子。请先邀请班子成员注册。", "Fewer than 2 people of the unit are registered; invite the team members first.");

    public static readonly Text OpenTitle = new("开启专题民主生活会准备", "opening the meeting's preparation");

    public static readonly Text CriticiseTitle = new("填写批评意见", "writing criticisms");

    public static readonly Text CheckTitle = new("审核批评意见", "checking criticisms");

    public static readonly Text ConfirmTitle = new("确认批评意见", "confirming criticisms");

    public static readonly Text RecordTitle = new("记录专题民主生活会", "recording the meeting");

    public static readonly Text BadTeam = new("请按序号写出班子成员，一把手写在最前面，用空格隔开，如“2 1 4”。至少 2 人。", "Type the numbers of the team, the head first, separated by spaces, e.g. \"2 1 4\". At least 2 people.");

    public static readonly Text Start = new("开始", "Start");

    public static readonly Text Change = new("修改", "Change");

    public static readonly Text Submit = new("提交", "Submit");

    public static readonly Text Save = new("保存", "Save");

    public static readonly Text Approve = new("可以", "Approve");

    public static readonly Text SendBack = new("退回修改", "Send back");

    public static readonly Text Enough = new("够了", "Enough");

    public static readonly Text NotEnough = new("还不够", "Not enough");

    public static readonly Text Present = new("督导组到会", "Supervisor present");

    public static readonly Text NotPresent = new("督导组未到会", "Supervisor absent");

    public static readonly Text AllAttended = new("全部到会", "All attended");

    public static readonly Text NoNote = new("无", "None");

    public static readonly Text PressAButton = new("请点击下面的按钮。", "Please press one of the buttons.");

    public static readonly Text NothingToWrite = new("你的批评意见都已提交或已确认，现在没有需要填写的。发送 /meeting 查看进度。", "All your criticisms are submitted or confirmed; there is nothing to write now. Send /meeting to see the state.");

    public static readonly Text NotWritable = new("这条批评意见已审核通过，不能再修改。", "This criticism was approved and can no longer be changed.");

    public static readonly Text AskReasonBack = new("请写明退回的理由（不超过 200 字），作者会收到并修改。", "Why send it back? (at most 200 characters) The author is told and revises.");

    public static readonly Text AskReasonMore = new("还缺什么？请写明（不超过 200 字），作者会收到并补充。", "What is missing? (at most 200 characters) The author is told and adds to it.");

    public static readonly Text ReasonTooShort = new("请把理由写清楚（至少 2 个字）。", "Please give a reason (at least 2 characters).");

    public static readonly Text ReasonTooLong = new("理由太长，请控制在 200 字以内。", "The reason is too long; keep it under 200 characters.");

    public static readonly Text Changed = new("这条批评意见刚刚被修改过，请看最新的内容再决定。", "This criticism was just changed; look at the latest text before deciding.");

    public static readonly Text NothingToCheck = new("现在没有等待审核的批评意见。", "No criticisms are waiting to be checked.");

    public static readonly Text NothingToConfirm = new("现在没有等待你确认的批评意见。", "No criticisms are waiting for your confirmation.");

    public static readonly Text AllChecked = new("待审核的批评意见已全部处理。", "Every criticism waiting for a check is handled.");

    public static readonly Text AllConfirmedByYou = new("需要你确认的批评意见已全部处理。", "Every criticism waiting for you is handled.");

    public static readonly Text NotReadyToRecord = new("会议还没有标记为可以召开（/meeting ready），不能记录。", "The meeting is not marked ready (/meeting ready), so it can't be recorded yet.");

    public static readonly Text BadDate = new("请输入会议日期，格式 yyyy-MM-dd，不晚于今天。", "Type the meeting's date as yyyy-MM-dd, not after today.");

    public static readonly Text BadAbsent = new("请写出缺席人员的序号（用空格隔开），或点击“全部到会”。", "Type the numbers of those absent (separated by spaces), or press All attended.");

    public static readonly Text BadSpeech = new("请写两个数：发言分钟数（1–240）和提出的批评意见条数（0–50），如“30 3”。", "Type two numbers: minutes spoken (1–240) and criticisms raised (0–50), e.g. \"30 3\".");

    public static readonly Text NoteTooLong = new("备注太长，请控制在 500 字以内。", "The note is too long; keep it under 500 characters.");

    public static readonly Text Cancelled = new("已取消，没有保存。", "Cancelled; nothing was saved.");

    public static readonly Text TimedOut = new("长时间未操作，已退出，没有保存。", "Idle for too long; nothing was saved.");

    public static readonly Text NotRecorded = new("这次会议还没有记录，不能审阅。", "The meeting has no record yet, so there is nothing to review.");

    public static readonly Text NoTalksToRead = new("没有你可以阅看的批评意见。", "There are no criticisms you may read.");

    public static Text OpenGreeting(string unit) => new($"为{unit}开启专题民主生活会的准备（三轮沟通）。发送 /cancel 取消。", $"Opening the democratic life meeting's preparation for {unit}. Send /cancel to stop.");

    public static Text AskTeam(string list) => new(
        $"领导班子有哪些人？请按序号写出，一把手写在最前面，用空格隔开（如“2 1 4”）：\n{list}",
        $"Who is in the leadership team? Type their numbers, the head first, separated by spaces (e.g. \"2 1 4\"):\n{list}");

    public static Text ConfirmTeam(string head, string members) => new(
        $"一把手：{head}\n班子成员：{members}\n开始后，每位成员要向其他每位成员写出准备提出的批评意见。",
        $"Head: {head}\nMembers: {members}\nOnce started, each member writes the criticisms they will raise with each other member.");

    public static Text Opened(string id, int pairs) => new(
        $"已开启专题民主生活会准备（编号 {id}），共 {pairs} 组批评意见，已通知班子成员和督导组。查看：/meeting",
        $"The preparation is open (id {id}): {pairs} sets of criticisms; the team and the supervisors were told. See /meeting");

    public static Text TeamTold(string unit, string head) => new(
        $"{unit}专题民主生活会开始准备（三轮沟通）。一把手：{head}。请发送 /criticise，写出你准备向每位班子成员提出的批评意见。",
        $"{unit} is preparing its democratic life meeting. Head: {head}. Send /criticise to write the criticisms you will raise with each team member.");

    public static Text SupervisorTold(string unit, string id) => new(
        $"{unit}开启了专题民主生活会准备（编号 {id}）。查看进度：/meeting {id}",
        $"{unit} opened the preparation of its democratic life meeting (id {id}). See /meeting {id}");

    public static Text AskColleague(string list) => new($"向谁提出批评意见？\n{list}", $"Whom is it for?\n{list}");

    public static Text AskPoints(string name, string? reason, IReadOnlyList<string> current, int max, int maxLength) => new(
        (reason is null ? string.Empty : $"退回理由：{reason}\n")
        + (current.Count == 0 ? string.Empty : "现在的内容：\n" + Numbered(current) + "\n")
        + $"请写出你准备向{name}提出的批评意见，每条一行（最多 {max} 条，每条不超过 {maxLength} 字）。",
        (reason is null ? string.Empty : $"Sent back: {reason}\n")
        + (current.Count == 0 ? string.Empty : "Now:\n" + Numbered(current) + "\n")
        + $"Write the criticisms you will raise with {name}, one per line (at most {max}, each at most {maxLength} characters).");

    public static Text TooManyPoints(int max) => new($"最多 {max} 条，请合并或删减。", $"At most {max} points; please merge or cut.");

    public static Text PointTooLong(int number, int max) => new($"第 {number} 条太长（不超过 {max} 字），请精简。", $"Point {number} is too long (at most {max} characters).");

    public static readonly Text NoPoints = new("请至少写一条批评意见。", "Please write at least one point.");

    public static Text ConfirmPoints(string name, IReadOnlyList<string> points) => new(
        $"向{name}提出的批评意见：\n{Numbered(points)}\n提交后由一把手审核。", $"For {name}:\n{Numbered(points)}\nOnce submitted the head checks it.");

    public static Text Submitted(string name) => new($"已提交对{name}的批评意见，等待一把手审核。继续填写：/criticise", $"Your criticisms for {name} are submitted for the head's check. Write more: /criticise");

    public static Text HeadTold(string from, string to) => new($"{from}对{to}的批评意见已提交，请审核：/meeting check", $"{from}'s criticisms for {to} wait for your check: /meeting check");

    public static Text AskTalk(string list) => new($"请选择：\n{list}", $"Choose one:\n{list}");

    public static Text ShowForCheck(string from, string to, IReadOnlyList<string> points, int returns) => new(
        $"{from} → {to}" + (returns > 0 ? $"（已退回 {returns} 次）" : string.Empty) + $"：\n{Numbered(points)}\n行不行？",
        $"{from} → {to}" + (returns > 0 ? $" (sent back {returns} times)" : string.Empty) + $":\n{Numbered(points)}\nIs it right?");

    public static Text ShowForConfirm(string from, string to, IReadOnlyList<string> points) => new(
        $"{from} → {to}：\n{Numbered(points)}\n够不够？", $"{from} → {to}:\n{Numbered(points)}\nIs it enough?");

    public static Text Approved(string from, string to) => new($"已通过 {from} → {to} 的批评意见。", $"Approved {from} → {to}.");

    public static Text SentBackSaid(string from, string to) => new($"已退回 {from} → {to} 的批评意见。", $"Sent back {from} → {to}.");

    public static Text AuthorSentBack(string to, string by, string reason) => new(
        $"你对{to}的批评意见被{by}退回：{reason}\n请修改后重新提交：/criticise", $"Your criticisms for {to} were sent back by {by}: {reason}\nRevise and submit again: /criticise");

    public static Text SidesAskedToConfirm(string from, string to) => new(
        $"一把手已审核通过 {from} → {to} 的批评意见。请确认够不够：/meeting confirm", $"The head approved {from} → {to}. Please confirm it is enough: /meeting confirm");

    public static Text ConfirmedSaid(string from, string to) => new($"已确认 {from} → {to}。", $"Confirmed {from} → {to}.");

    public static Text AllPairsConfirmed(string unit) => new(
        $"{unit}的批评意见已全部确认（三轮沟通完成）。可以标记召开：/meeting ready", $"Every criticism of {unit} is confirmed. Mark the meeting ready: /meeting ready");

    public static Text NotAllConfirmed(int open, int all) => new(
        $"还有 {open} / {all} 组批评意见没有双方确认，不能标记召开。发送 /meeting 查看。", $"{open} of {all} sets of criticisms are not confirmed by both sides yet. Send /meeting to see them.");

    public static Text MarkedReady(string unit) => new($"{unit}的专题民主生活会已标记为可以召开。会后请记录：/meeting record", $"{unit}'s meeting is marked ready. Record it afterwards: /meeting record");

    public static Text ReadyTold(string unit) => new($"{unit}的三轮沟通已完成，专题民主生活会可以召开。", $"{unit} finished the three rounds of talks; the meeting can be held.");

    public static readonly Text AlreadyReady = new("会议已经标记为可以召开。", "The meeting is already marked ready.");

    public static Text AskDate(string today) => new($"会议在哪一天召开？（yyyy-MM-dd，如 {today}）", $"On what date was the meeting held? (yyyy-MM-dd, e.g. {today})");

    public static readonly Text AskSupervisor = new("督导组是否到会？", "Was the supervisor present?");

    public static Text AskAbsent(string list) => new($"有没有缺席的班子成员？写出缺席人员的序号，或点击“全部到会”：\n{list}", $"Was anyone absent? Type their numbers, or press All attended:\n{list}");

    public static Text AskSpeech(string name, bool head) => new(
        $"{name}{(head ? "（一把手，约 30 分钟）" : "（班子成员，约 20 分钟）")}：发言多少分钟、提出几条批评意见？如“{(head ? 30 : 20)} 3”",
        $"{name}{(head ? " (head, about 30 min)" : " (member, about 20 min)")}: minutes spoken and criticisms raised? e.g. \"{(head ? 30 : 20)} 3\"");

    public static readonly Text AskNote = new("还有什么要记下的？（不超过 500 字，或点击“无”）", "Anything else to note? (at most 500 characters, or press None)");

    public static Text RecordSummary(string date, bool supervisor, string attendance, string speeches, string? note) => new(
        $"会议日期：{date}\n督导组：{(supervisor ? "到会" : "未到会")}\n出席：{attendance}\n发言：\n{speeches}" + (note is null ? string.Empty : $"\n备注：{note}"),
        $"Date: {date}\nSupervisor: {(supervisor ? "present" : "absent")}\nAttendance: {attendance}\nSpeeches:\n{speeches}" + (note is null ? string.Empty : $"\nNote: {note}"));

    public static Text SpeechLine(string name, int minutes, int criticisms, bool shortOfGuide) => new(
        $"  {name}：{minutes} 分钟，批评意见 {criticisms} 条" + (shortOfGuide ? "（少于约定时长）" : string.Empty),
        $"  {name}: {minutes} min, {criticisms} criticisms" + (shortOfGuide ? " (shorter than the guide)" : string.Empty));

    public static Text Attendance(int present, int team, string absent) => new(
        $"{present} / {team} 人" + (absent.Length == 0 ? string.Empty : $"（缺席：{absent}）"), $"{present} of {team}" + (absent.Length == 0 ? string.Empty : $" (absent: {absent})"));

    public static Text Recorded(string id) => new($"会议记录已保存（编号 {id}），已请督导组审阅。", $"The record is saved (id {id}); the supervisors were asked to review it.");

    public static Text SatisfactionOpened(string said) => new($"满意度测评已自动开启：{said}", $"The satisfaction evaluation opened by itself: {said}");

    public static Text SatisfactionNotOpened(string why) => new($"满意度测评未能自动开启：{why}", $"The satisfaction evaluation could not open: {why}");

    public static Text ReviewAsked(string unit, string id) => new($"{unit}的专题民主生活会记录已保存，请审阅：/meeting review {id} [意见]", $"{unit}'s meeting record is saved; please review it: /meeting review {id} [note]");

    public static Text Reviewed(string id) => new($"已审阅会议记录 {id}，已告知支部书记。", $"Record {id} reviewed; the secretary was told.");

    public static Text ReviewTold(string unit, string by, string? note) => new(
        $"督导组{by}已审阅{unit}的专题民主生活会记录" + (note is null ? "。" : $"：{note}"), $"Supervisor {by} reviewed {unit}'s meeting record" + (note is null ? "." : $": {note}"));

    public static Text StatusHeading(string unit, string id, string status) => new($"{unit}专题民主生活会（{id}）：{status}", $"{unit}'s democratic life meeting ({id}): {status}");

    public static Text StatusName(MeetingStatus status) => status switch
    {
        MeetingStatus.Preparing => new("三轮沟通中", "talks in progress"),
        MeetingStatus.Ready => new("可以召开", "ready to be held"),
        MeetingStatus.Recorded => new("已召开，记录待审阅", "held, record awaiting review"),
        _ => new("已召开，记录已审阅", "held, record reviewed"),
    };

    public static Text TalkState(CriticismTalk talk, string from, string to) => new(
        $"{from} → {to}：" + talk.Status switch
        {
            TalkStatus.NotWritten => "未填写",
            TalkStatus.AwaitingCheck => "待一把手审核",
            TalkStatus.SentBack => $"已退回（{talk.Returns} 次），待修改",
            TalkStatus.AwaitingConfirmation => $"待确认（{from}{Tick(talk.FromConfirmed)}，{to}{Tick(talk.ToConfirmed)}）",
            _ => "双方已确认",
        },
        $"{from} → {to}: " + talk.Status switch
        {
            TalkStatus.NotWritten => "not written",
            TalkStatus.AwaitingCheck => "awaiting the head's check",
            TalkStatus.SentBack => $"sent back ({talk.Returns}), to revise",
            TalkStatus.AwaitingConfirmation => $"to confirm ({from}{Tick(talk.FromConfirmed)}, {to}{Tick(talk.ToConfirmed)})",
            _ => "confirmed by both",
        });

    public static Text Tally(int confirmed, int all) => new($"已确认 {confirmed} / {all} 组。", $"{confirmed} of {all} confirmed.");

    public static Text SatisfactionLine(string roundId) => new($"满意度测评：{roundId}（结果见 /results）", $"Satisfaction evaluation: {roundId} (see /results)");

    public static Text TalkPoints(string from, string to, IReadOnlyList<string> points) => new(
        $"{from} → {to}：\n{Numbered(points)}", $"{from} → {to}:\n{Numbered(points)}");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Numbered(IEnumerable<string> items) =>
        string.Join("\n", items.Select((item, i) => $"{(i + 1).ToString(CultureInfo.InvariantCulture)}. {item}"));

    private static string Tick(bool done) => done ? "✓" : "✗";
}
