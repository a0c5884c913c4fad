using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>The texts of contact points that choose their words (levels, statuses, the weekly summary); the fixed ones are in contact.texts.</summary>
public static partial class ContactTexts
{
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static Text LevelName(ContactLevel level) => level == ContactLevel.City ? new("市级领导", "city leader") : new("县级领导", "county leader");

    public static Text CountyRule(int units) => new(
        $"县级领导应联系 1 个村或社区，这里是 {units} 个单位{(units == 1 ? "，且不是村或社区" : string.Empty)}。",
        $"A county leader contacts 1 village or community; here {(units == 1 ? "the unit is not a village or community" : $"are {units} units")}.");

    public static Text AssignmentLine(string name, string id, ContactLevel level, Text units) => new(
        $"· {name}（{id}，{LevelName(level).Chinese}）：{units.Chinese}",
        $"· {name} ({id}, {LevelName(level).English}): {units.English}");

    public static Text Set(string name, string id, ContactLevel level, Text units) => new(
        $"已设置：{name}（{id}，{LevelName(level).Chinese}）联系 {units.Chinese}。",
        $"Set: {name} ({id}, {LevelName(level).English}) contacts {units.English}.");

    public static Text ReviewLine(int number, string reviewer, bool accepted, string? comment) => new(
        $"第 {number} 稿：{reviewer}{(accepted ? "审核通过" : "退回：" + comment)}",
        $"Version {number}: {(accepted ? "accepted" : "returned")} by {reviewer}{(accepted ? string.Empty : ": " + comment)}");

    /// <summary>A self-examination's summary under its heading: items answered, when it was submitted and last returned.</summary>
    public static Text ExaminationSummary(int answered, int items, string? submitted, string? returned) => new(
        $"已填 {answered}/{items} 项；{(submitted is null ? "尚未提交" : "提交于 " + submitted)}{(returned is null ? string.Empty : "；最近退回 " + returned)}",
        $"{answered} of {items} items answered; {(submitted is null ? "not submitted yet" : "submitted " + submitted)}{(returned is null ? string.Empty : "; last returned " + returned)}");

    /// <summary>The last line of a self-examination of several pages: where this page is and the command for the next (or the first).</summary>
    public static Text ExaminationPageLine(int page, int pages, string unitId, int number)
    {
        var next = page < pages ? page + 1 : 1;
        var command = $"/contact exam {unitId} {number.ToString(CultureInfo.InvariantCulture)} {next.ToString(CultureInfo.InvariantCulture)}";
        return new(
            $"第 {page}/{pages} 页；{(page < pages ? "下一页" : "回到第一页")}：{command}",
            $"Page {page} of {pages}; {(page < pages ? "next" : "back to the first")}: {command}");
    }

    public static Text WeeklySummary(string unit, string unitId, string weekStart, ContactUnitCounts c) => new(
        $"【联系点周报】{unit}（{weekStart} 起的一周）\n党员 {c.Members} 人；对照检查待审核 {c.ExaminationsSubmitted}、已退回 {c.ExaminationsReturned}、已通过 {c.ExaminationsAccepted}\n整改台帐 {c.LedgerItems} 项：已完成 {c.LedgerDone}，逾期 {c.LedgerOverdue}\n你的联系走访：累计 {c.Visits} 次，本周 {c.VisitsThisWeek} 次{(c.LastVisit is { } last ? "，最近 " + Date(last) : string.Empty)}\n详情：/contact exams {unitId}、/contact ledger {unitId}；记录走访：/contact visit",
        $"Contact point weekly summary: {unit} (week from {weekStart})\n{Plural.En(c.Members, "member")}; examinations: {c.ExaminationsSubmitted} waiting, {c.ExaminationsReturned} returned, {c.ExaminationsAccepted} accepted\nLedger {Plural.En(c.LedgerItems, "item")}: {c.LedgerDone} done, {c.LedgerOverdue} overdue\nYour visits: {c.Visits} in all, {c.VisitsThisWeek} this week{(c.LastVisit is { } l ? ", last " + Date(l) : string.Empty)}\nDetails: /contact exams {unitId}, /contact ledger {unitId}; log a visit: /contact visit");

    public static Text ProgressLine(string unit, Text leaders, int thisMonth, int total, string? last) => new(
        $"{unit}：联系领导 {leaders.Chinese}；本月走访 {thisMonth} 次，累计 {total} 次{(last is null ? string.Empty : "，最近 " + last)}",
        $"{unit}: contact leaders {leaders.English}; {Plural.En(thisMonth, "visit")} this month, {total} in all{(last is null ? string.Empty : ", last " + last)}");

    public static Text BulletinLine(int total, Text visited, Text unvisited) => new(
        $"全程联系：本月联系领导走访联系点 {total} 次{(visited.Chinese.Length == 0 ? string.Empty : "（" + visited.Chinese + "）")}；本月未走访的联系点：{(unvisited.Chinese.Length == 0 ? "无" : unvisited.Chinese)}",
        $"Contact points: {Plural.En(total, "visit")} this month{(visited.English.Length == 0 ? string.Empty : " (" + visited.English + ")")}; not visited this month: {(unvisited.English.Length == 0 ? "none" : unvisited.English)}");
}
