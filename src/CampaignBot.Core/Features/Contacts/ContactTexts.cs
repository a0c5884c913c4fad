using System.Globalization;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>The wording of contact points (全程联系): /contact, the visit flow, the weekly summary, /progress and the bulletin.</summary>
public static class ContactTexts
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Text LevelName(ContactLevel level) => level == ContactLevel.City ? new("市级领导", "city leader") : new("县级领导", "county leader");

    // The rules (campaign file and /contact set).
    public static Text BadLeaderId(string id) => new(
        $"“{id}”不是成员 ID（形如 telegram:12345，可用 /members 查看）。",
        $"'{id}' is not a member id (like telegram:12345; see /members).");

    public static Text UnknownUnit(string unit) => new($"没有 ID 为“{unit}”的单位。", $"There is no unit with the id '{unit}'.");

    public static Text UnitTwice(string unit) => new($"单位“{unit}”写了两次。", $"The unit '{unit}' is listed twice.");

    public static Text CityRule(int units, int departments, int grassroots) => new(
        $"市级领导应联系 1 个县直部门和 1 个基层单位，这里是 {units} 个单位（部门 {departments} 个、基层单位 {grassroots} 个）。",
        $"A city leader contacts 1 county department and 1 grassroots unit; here are {units} units ({departments} departments, {grassroots} grassroots).");

    public static Text CountyRule(int units) => new(
        $"县级领导应联系 1 个村或社区，这里是 {units} 个单位{(units == 1 ? "，且不是村或社区" : string.Empty)}。",
        $"A county leader contacts 1 village or community; here {(units == 1 ? "the unit is not a village or community" : $"are {units} units")}.");

    // /contact
    public static readonly Text NotAllowed = new("请先注册（发送 /start）。", "Please register first (send /start).");

    public static readonly Text OnlyOffice = new("只有活动办可以设置联系点。", "Only the campaign office sets contact points.");

    public static readonly Text NotAContactLeader = new("你目前没有联系点。联系点由活动办设置。", "You have no contact points. The campaign office sets them.");

    public static readonly Text NotYourUnit = new("这不是你的联系点，不能查看。", "This is not one of your contact points; you cannot read it.");

    public static readonly Text NoSuchLeader = new("没有这位联系领导。用法：/contact clear <成员ID>", "No such contact leader. Usage: /contact clear <member-id>");

    public static readonly Text MyUnitsHeading = new("【我的联系点】", "My contact points");

    public static readonly Text LeaderUsage = new(
        "/contact exams <单位ID> — 对照检查情况\n/contact exam <单位ID> <序号> — 查看一份对照检查\n/contact ledger <单位ID> — 整改台帐\n/contact visit — 记录一次联系走访\n/contact visits [单位ID] — 走访记录",
        "/contact exams <unit-id> — self-examinations\n/contact exam <unit-id> <n> — read one\n/contact ledger <unit-id> — the rectification ledger\n/contact visit — log a contact visit\n/contact visits [unit-id] — visits logged");

    public static readonly Text OfficeUsage = new(
        "/contact list — 全部联系点\n/contact set <成员ID> city <县直部门ID> <基层单位ID> — 设置市级领导联系点\n/contact set <成员ID> county <村社区ID> — 设置县级领导联系点\n/contact clear <成员ID> — 取消联系点\n/contact visits <单位ID> — 单位的走访记录",
        "/contact list — all contact points\n/contact set <member-id> city <department-id> <grassroots-id> — a city leader's\n/contact set <member-id> county <village-id> — a county leader's\n/contact clear <member-id> — remove\n/contact visits <unit-id> — a unit's visits");

    public static readonly Text SetUsage = new(
        "用法：/contact set <成员ID> city <县直部门ID> <基层单位ID>，或 /contact set <成员ID> county <村社区ID>",
        "Usage: /contact set <member-id> city <department-id> <grassroots-id>, or /contact set <member-id> county <village-id>");

    public static Text ListHeading(int count) => new($"【全程联系】联系领导 {count} 名：", $"Contact points: {count} leaders");

    public static Text AssignmentLine(string name, string id, ContactLevel level, string units) => new(
        $"· {name}（{id}，{LevelName(level).Chinese}）：{units}",
        $"· {name} ({id}, {LevelName(level).English}): {units}");

    public static Text Set(string name, string id, ContactLevel level, string units) => new(
        $"已设置：{name}（{id}，{LevelName(level).Chinese}）联系 {units}。",
        $"Set: {name} ({id}, {LevelName(level).English}) contacts {units}.");

    public static Text Cleared(string name, string id) => new($"已取消 {name}（{id}）的联系点。", $"Removed the contact points of {name} ({id}).");

    public static Text NoSuchExamination(string unit, int count) => new(
        $"序号应为 1 到 {count}（先发送 /contact exams {unit} 查看）。",
        $"The number must be 1 to {count} (send /contact exams {unit} first).");

    public static Text VisitsHeading(int count) => new($"联系走访记录（{count} 次）：", $"Contact visits ({count}):");

    // Reading a unit.
    public static Text ExaminationsHeading(string unit, int count) => new($"【{unit}对照检查】共 {count} 份（只读）", $"Self-examinations of {unit}: {count} (read-only)");

    public static Text ExaminationListFooter(string unit) => new($"查看一份：/contact exam {unit} <序号>", $"Read one: /contact exam {unit} <n>");

    public static Text ExaminationHeading(string name, string unit, string status, int submissions) => new(
        $"【{name}的对照检查】{unit}｜{status}｜已提交 {submissions} 次（只读）",
        $"Self-examination of {name}, {unit}: {status}, submitted {submissions} times (read-only)");

    public static readonly Text NotAnswered = new("（未填写）", "(not answered)");

    public static Text ReviewLine(int number, string reviewer, bool accepted, string? comment) => new(
        $"第 {number} 稿：{reviewer}{(accepted ? "审核通过" : "退回：" + comment)}",
        $"Version {number}: {(accepted ? "accepted" : "returned")} by {reviewer}{(accepted ? string.Empty : ": " + comment)}");

    public static string StatusName(ExaminationStatus status, bool english) => status switch
    {
        ExaminationStatus.Draft => english ? "draft" : "填写中",
        ExaminationStatus.Submitted => english ? "submitted" : "待审核",
        ExaminationStatus.Returned => english ? "returned" : "已退回",
        _ => english ? "accepted" : "已通过",
    };

    public static Text LedgerHeading(string unit, int count) => new($"【{unit}整改台帐】共 {count} 项（只读）", $"Rectification ledger of {unit}: {count} items (read-only)");

    public static string LedgerStatusName(LedgerStatus status, bool english) => status switch
    {
        LedgerStatus.NotStarted => english ? "not started" : "未开始",
        LedgerStatus.InProgress => english ? "in progress" : "整改中",
        LedgerStatus.Done => english ? "done" : "已完成",
        _ => english ? "overdue" : "逾期",
    };

    public static Text WeeklySummary(string unit, string unitId, string weekStart, ContactUnitCounts c) => new(
        $"【联系点周报】{unit}（{weekStart} 起的一周）\n党员 {c.Members} 人；对照检查待审核 {c.ExaminationsSubmitted}、已退回 {c.ExaminationsReturned}、已通过 {c.ExaminationsAccepted}\n整改台帐 {c.LedgerItems} 项：已完成 {c.LedgerDone}，逾期 {c.LedgerOverdue}\n你的联系走访：累计 {c.Visits} 次，本周 {c.VisitsThisWeek} 次{(c.LastVisit is { } last ? "，最近 " + Date(last) : string.Empty)}\n详情：/contact exams {unitId}、/contact ledger {unitId}；记录走访：/contact visit",
        $"Contact point weekly summary: {unit} (week from {weekStart})\n{c.Members} members; examinations: {c.ExaminationsSubmitted} waiting, {c.ExaminationsReturned} returned, {c.ExaminationsAccepted} accepted\nLedger {c.LedgerItems} items: {c.LedgerDone} done, {c.LedgerOverdue} overdue\nYour visits: {c.Visits} in all, {c.VisitsThisWeek} this week{(c.LastVisit is { } l ? ", last " + Date(l) : string.Empty)}\nDetails: /contact exams {unitId}, /contact ledger {unitId}; log a visit: /contact visit");

    // The visit flow.
    public static readonly Text VisitTitle = new("联系走访记录", "Contact visit");

    public static readonly Text WhichUnit = new("记录哪个联系点的走访？", "Which contact point did you visit?");

    public static readonly Text ChooseUnit = new("请按按钮选择联系点。", "Please choose a contact point with the buttons.");

    public static readonly Text AskDate = new("哪天去的？（今天、昨天，或写日期如 2027-03-05、3月5日）", "Which day? (today, yesterday, or a date like 2027-03-05)");

    public static readonly Text Today = new("今天", "Today");

    public static readonly Text Yesterday = new("昨天", "Yesterday");

    public static readonly Text BadDate = new("没看懂这个日期。请写今天、昨天，或 2027-03-05、3月5日。", "I could not read that date. Write today, yesterday or a date like 2027-03-05.");

    public static readonly Text FutureDate = new("走访日期不能晚于今天。", "The visit cannot be after today.");

    public static Text BeforeCampaign(string start) => new($"走访日期不能早于活动开始（{start}）。", $"The visit cannot be before the campaign started ({start}).");

    public static Text AskWhat(int min, int max) => new(
        $"做了什么？（如调研、座谈、指导查摆问题、督促整改；{min}–{max} 字）",
        $"What was done? (research, a talk, guidance on finding problems, following up rectification; {min}–{max} characters)");

    public static Text WhatLength(int min, int max, int length) => new($"请写 {min}–{max} 字（现在 {length} 字）。", $"Please write {min}–{max} characters (now {length}).");

    public static Text Preview(string unit, string date, string what) => new(
        $"请确认：\n联系点：{unit}\n日期：{date}\n内容：{what}",
        $"Please confirm:\nContact point: {unit}\nDate: {date}\nWhat was done: {what}");

    public static readonly Text Save = new("保存", "Save");

    public static readonly Text Change = new("修改", "Change");

    public static readonly Text SaveOrChange = new("请按“保存”或“修改”。", "Please press Save or Change.");

    public static Text Saved(string unit) => new($"已记录对{unit}的联系走访。", $"Your visit to {unit} is recorded.");

    public static readonly Text VisitCancelled = new("已取消，走访没有记录。", "Cancelled; the visit was not recorded.");

    public static readonly Text VisitTimedOut = new("很久没有回复，走访记录已取消。需要时再发送 /contact visit。", "No answer for a while; the visit was not recorded. Send /contact visit again when ready.");

    // /progress and the bulletin.
    public static readonly Text ProgressHeading = new("【全程联系】", "Contact points");

    public static Text ProgressLine(string unit, string leaders, int thisMonth, int total, string? last) => new(
        $"{unit}：联系领导 {leaders}；本月走访 {thisMonth} 次，累计 {total} 次{(last is null ? string.Empty : "，最近 " + last)}",
        $"{unit}: contact leaders {leaders}; {thisMonth} visits this month, {total} in all{(last is null ? string.Empty : ", last " + last)}");

    public static Text BulletinLine(int total, string visited, string unvisited) => new(
        $"全程联系：本月联系领导走访联系点 {total} 次{(visited.Length == 0 ? string.Empty : "（" + visited + "）")}；本月未走访的联系点：{(unvisited.Length == 0 ? "无" : unvisited)}",
        $"Contact points: {total} visits this month{(visited.Length == 0 ? string.Empty : " (" + visited + ")")}; not visited this month: {(unvisited.Length == 0 ? "none" : unvisited)}");
}
