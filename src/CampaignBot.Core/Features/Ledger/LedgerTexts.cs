using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Ledger;

/// <summary>The words of the rectification ledger (整改台帐).</summary>
public static class LedgerTexts
{
    public static readonly Text Usage = new(
        "用法：\n/ledger add <牵头领导> <完成时限yyyy-MM-dd> <问题> | <整改措施>\n/ledger list [单位]　/ledger show <编号>\n/ledger note <编号> <进展>\n/ledger done <编号> <整改佐证>　/ledger evidence <编号> <佐证>\n/ledger confirm <编号>　/ledger reopen <编号> <原因>\n/ledger institution <编号> 废|改|立 <制度名称>",
        "Usage:\n/ledger add <lead leader> <deadline yyyy-MM-dd> <problem> | <measures>\n/ledger list [unit]  /ledger show <id>\n/ledger note <id> <progress>\n/ledger done <id> <evidence>  /ledger evidence <id> <evidence>\n/ledger confirm <id>  /ledger reopen <id> <reason>\n/ledger institution <id> abolish|amend|establish <title>");

    public static readonly Text NotAllowed = new("只有本单位支部书记、督导组和活动办可以管理整改台帐。", "Only the unit's secretary, its supervisors and the campaign office manage its rectification ledger.");

    public static readonly Text NoSuchItem = new("没有这个台帐编号。发送 /ledger list 查看。", "No ledger item with that id. Send /ledger list to see them.");

    public static readonly Text NeedsThreeFixes = new("“三落实”：整改措施、牵头领导和完成时限缺一不可，台帐未保存。", "三落实: measures, a lead leader and a deadline are all required; nothing was saved.");

    public static readonly Text Closed = new("这项整改已确认完成；如需重新整改，请先 /ledger reopen。", "This item is confirmed done; reopen it first (/ledger reopen).");

    public static readonly Text NeedsEvidence = new("确认完成需要整改佐证：请先由牵头领导发送 /ledger done <编号> <佐证>。", "Completion needs evidence: the lead leader sends /ledger done <id> <evidence> first.");

    public static readonly Text NotAwaiting = new("这项整改还没有报告完成，不能确认。", "This item has not been reported done yet, so there is nothing to confirm.");

    public static readonly Text NotYourself = new("牵头领导不能确认自己牵头的整改，请由支部书记或督导组确认。", "A lead leader can't confirm their own item; the secretary or a supervisor confirms it.");

    public static readonly Text LeadershipNeedsSupervisor = new("这是领导班子的整改事项，须由督导组或活动办确认。", "This is a leadership item: a supervisor or the office confirms it.");

    public static readonly Text OnlyLeaderReports = new("只有牵头领导、本单位支部书记、督导组或活动办可以报告进展。", "Only the lead leader, the unit's secretary, a supervisor or the office report progress.");

    public static readonly Text AddTitle = new("建立整改台帐", "adding a ledger item");

    public static readonly Text AskCategory = new("问题属于哪一类？", "Which kind of problem is it?");

    public static readonly Text AskLeader = new("谁是牵头领导？点击本单位成员，或输入姓名、成员ID。", "Who leads it? Press a member of the unit, or type a name or member id.");

    public static readonly Text Save = new("保存", "Save");

    public static readonly Text Change = new("修改", "Change");

    public static readonly Text PressSave = new("请点击“保存”，或“修改”返回上一步。", "Press Save, or Change to go back a step.");

    public static readonly Text TooShort = new("内容太短，请写清楚。", "That is too short; please say more.");

    public static readonly Text AddCancelled = new("已取消，台帐未保存。", "Cancelled; nothing was saved.");

    public static readonly Text AddTimedOut = new("长时间未操作，已退出，台帐未保存。", "Idle for too long; nothing was saved.");

    public static Text AddGreeting(string unitName) => new($"为{unitName}建立整改台帐：逐项填写问题、整改措施、牵头领导和完成时限（三落实）。发送 /cancel 取消。", $"A ledger item for {unitName}: the problem, measures, lead leader and deadline (三落实). Send /cancel to stop.");

    public static Text AskProblem(int max) => new($"请写明查摆出的问题（不超过 {max} 字）。", $"What is the problem? (at most {max} characters)");

    public static Text AskMeasures(int max) => new($"整改措施是什么？（不超过 {max} 字）", $"What are the measures? (at most {max} characters)");

    public static Text AskDeadline(string end) => new($"完成时限？请输入日期 yyyy-MM-dd（不晚于 {end}）。", $"Deadline? A date yyyy-MM-dd (by {end}).");

    public static Text Confirm(string? problem, string? measures, string? leader, string deadline) => new(
        $"请核对：\n问题：{problem}\n整改措施：{measures}\n牵头领导：{leader}\n完成时限：{deadline}",
        $"Please check:\nProblem: {problem}\nMeasures: {measures}\nLead leader: {leader}\nDeadline: {deadline}");

    public static Text Saved(string id) => new($"已建立整改台帐 {id}，已通知牵头领导。查看：/ledger show {id}", $"Ledger item {id} saved; the lead leader was told. See /ledger show {id}");

    public static Text TooLong(int max) => new($"内容太长（最多 {max} 字），请精简后重新发送。", $"That text is too long (at most {max} characters); please shorten it.");

    public static Text NoLeader(string name) => new($"没有找到牵头领导“{name}”：请写本单位已注册成员的姓名或成员ID。", $"No lead leader '{name}': give the name or member id of a registered member of the unit.");

    public static Text AmbiguousLeader(string name) => new($"本单位有多位“{name}”，请改用成员ID。", $"Several members are called '{name}'; use the member id.");

    public static Text BadDeadline(string end) => new($"完成时限须是今天到活动结束（{end}）之间的日期，格式 yyyy-MM-dd。", $"The deadline must be a date from today to the end of the campaign ({end}), as yyyy-MM-dd.");

    public static Text Created(LedgerItem item, string unitName) => new(
        $"已建立整改台帐 {item.Id}（{unitName}）：{item.Problem}\n整改措施：{item.Measures}\n牵头领导：{item.LeadLeaderName}　完成时限：{Date(item.Deadline)}",
        $"Ledger item {item.Id} ({unitName}) created: {item.Problem}\nMeasures: {item.Measures}\nLead leader: {item.LeadLeaderName}  Deadline: {Date(item.Deadline)}");

    public static Text Assigned(LedgerItem item) => new(
        $"你被确定为整改事项 {item.Id} 的牵头领导：{item.Problem}\n整改措施：{item.Measures}\n完成时限：{Date(item.Deadline)}。进展请发送 /ledger note {item.Id} <进展>，完成后发送 /ledger done {item.Id} <佐证>。",
        $"You lead ledger item {item.Id}: {item.Problem}\nMeasures: {item.Measures}\nDeadline: {Date(item.Deadline)}. Report progress with /ledger note {item.Id} <text>, completion with /ledger done {item.Id} <evidence>.");

    public static Text Reminder(LedgerItem item, int daysLeft) => new(
        $"整改提醒：{item.Id}「{item.Problem}」完成时限 {Date(item.Deadline)}，还有 {daysLeft} 天。完成后发送 /ledger done {item.Id} <佐证>。",
        $"Rectification reminder: {item.Id} \"{item.Problem}\" is due {Date(item.Deadline)}, {daysLeft} day(s) left. When done send /ledger done {item.Id} <evidence>.");

    public static Text OverdueNotice(LedgerItem item) => new(
        $"整改逾期：{item.Id}「{item.Problem}」已超过完成时限 {Date(item.Deadline)}。请尽快整改并发送 /ledger done {item.Id} <佐证>。",
        $"Overdue: {item.Id} \"{item.Problem}\" passed its deadline {Date(item.Deadline)}. Please finish it and send /ledger done {item.Id} <evidence>.");

    public static Text Escalation(LedgerItem item, string unitName, int daysOverdue) => new(
        $"整改逾期督办：{unitName} 台帐 {item.Id}「{item.Problem}」牵头领导 {item.LeadLeaderName}，已逾期 {daysOverdue} 天（时限 {Date(item.Deadline)}）。查看：/ledger show {item.Id}",
        $"Overdue escalation: {unitName} item {item.Id} \"{item.Problem}\", lead leader {item.LeadLeaderName}, {daysOverdue} day(s) overdue (deadline {Date(item.Deadline)}). See /ledger show {item.Id}");

    public static Text AwaitingConfirmation(LedgerItem item) => new(
        $"{item.LeadLeaderName} 报告整改事项 {item.Id}「{item.Problem}」已完成，佐证：{item.Evidence.LastOrDefault()?.Text}\n核实后请发送 /ledger confirm {item.Id}，或 /ledger reopen {item.Id} <原因>。",
        $"{item.LeadLeaderName} reports item {item.Id} \"{item.Problem}\" done; evidence: {item.Evidence.LastOrDefault()?.Text}\nAfter checking send /ledger confirm {item.Id}, or /ledger reopen {item.Id} <reason>.");

    public static Text Confirmed(LedgerItem item) => new($"整改事项 {item.Id} 已确认完成，台帐销号。", $"Item {item.Id} is confirmed done and closed.");

    public static Text Reopened(LedgerItem item, string reason) => new($"整改事项 {item.Id} 已重新打开：{reason}", $"Item {item.Id} was reopened: {reason}");

    public static Text Noted(LedgerItem item) => new($"已记录 {item.Id} 的进展，状态：{StatusName(item.Status)}。", $"Progress of {item.Id} recorded; status: {StatusName(item.Status, true)}.");

    public static Text ReportedDone(LedgerItem item) => new($"已报告 {item.Id} 完成，等待支部书记或督导组确认。", $"{item.Id} reported done; waiting for the secretary or a supervisor to confirm.");

    public static Text EvidenceAdded(LedgerItem item) => new($"已为 {item.Id} 补充佐证（共 {item.Evidence.Count} 条）。", $"Evidence added to {item.Id} ({item.Evidence.Count} in all).");

    public static Text InstitutionSet(LedgerItem item) => new($"已标记 {item.Id} 为建章立制：{InstitutionName(item.Institution)}《{item.InstitutionTitle}》。", $"{item.Id} marked as an institution change: {InstitutionName(item.Institution, true)} \"{item.InstitutionTitle}\".");

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
