using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Study;

/// <summary>What the study, research and visit flows say, in Chinese and English.</summary>
public static class StudyTexts
{
    public static readonly Text StudyTitle = new("学习记录", "study log");
    public static readonly Text ResearchTitle = new("蹲点调研", "field research");
    public static readonly Text VisitsTitle = new("走亲连心", "household visits");

    public static readonly Text NotRegistered = new("你还没有注册。发送 /start 并输入邀请码注册后，再来记录学习。", "You are not registered yet. Send /start with your invite code first.");
    public static readonly Text NotRegisteredShort = new("你还没有注册。发送 /start 注册后再来。", "You are not registered yet; send /start first.");
    public static readonly Text ChooseWithButtons = new("请点击下面的按钮选择。", "Please choose with the buttons below.");
    public static readonly Text Cancelled = new("已取消，未保存。", "Cancelled; nothing was saved.");

    // Shared steps
    public static readonly Text Today = new("今天", "Today");
    public static readonly Text Yesterday = new("昨天", "Yesterday");
    public static readonly Text Skip = new("跳过", "Skip");
    public static readonly Text TypeSomeText = new("请输入文字内容。", "Please type some text.");
    public static readonly Text SaysNothing = new("这样写看不出内容（只有数字、符号或一个字），请写清楚一些。", "That says nothing (only numbers, symbols or one character); please write it out.");
    public static readonly Text StudyLength = new("学习时长", "study length");
    public static readonly Text ResearchLength = new("调研时长", "research length");

    public static Text Days(int days) => new($"{days} 天", days == 1 ? "1 day" : $"{days} days");

    public static Text TooLong(int max) => new($"内容太长了（不超过 {max} 字），请精简后再发。", $"That is too long (at most {max} characters); please shorten it.");

    // Study
    public static readonly Text StudyMenu = new("学习记录：请选择要做什么（随时可发送 /cancel 取消）。", "Study log: what would you like to do? (/cancel to stop)");
    public static readonly Text LogStudy = new("记录学习", "Log study");
    public static readonly Text RecentOrCorrect = new("最近记录 / 更正", "Recent / correct");
    public static readonly Text CollectiveSession = new("集体学习（为多人登记）", "Collective session (many members)");
    public static readonly Text ConfirmUnitEntries = new("确认本单位的记录", "Confirm the unit's entries");
    public static readonly Text SecretaryOnly = new("只有支部书记可以为多人登记或确认记录。", "Only a secretary can record for others or confirm entries.");
    public static readonly Text NoStudyEntries = new("你还没有学习记录。", "You have no study entries yet.");
    public static readonly Text RecentEntries = new("最近的学习记录（点编号更正）：", "Recent entries (press a number to correct):");
    public static readonly Text AskStudyDate = new("学习是哪一天？可直接点“今天”，或输入日期（如 昨天、3月5日、2027-03-05）。", "Which day? Press Today, or type a date (e.g. yesterday, 3.5, 2027-03-05).");
    public static readonly Text AskCollectiveDate = new("集体学习是哪一天？可直接点“今天”，或输入日期（如 3月5日、2027-03-05）。", "Which day? Press Today, or type a date (e.g. yesterday, 3.5, 2027-03-05).");
    public static readonly Text AskStudyLength = new("学习了多长时间？请输入天数，按半天计（如 0.5、1、1.5）。", "How long? Type days in half-day steps (0.5, 1, 1.5).");
    public static readonly Text AskForm = new("学习形式是？", "What form did it take?");
    public static readonly Text AskTopic = new("学习的专题是？", "Which topic?");
    public static readonly Text AskNote = new("请简要写下学习内容或体会（不超过 500 字），或点“跳过”。", "Add a short note (at most 500 characters), or press Skip.");
    public static readonly Text AskAttendees = new("哪些人出席了？输入编号（如 1 3 5 或 1,3,5），全部出席请输入“全部”：", "Who attended? Type numbers (e.g. 1 3 5), or \"all\":");
    public static readonly Text AtLeastOneNumber = new("请至少输入一个编号，或输入“全部”。", "Type at least one number, or \"all\".");
    public static readonly Text StudyCancelled = new("已取消，未保存。需要时发送 /study 重新开始。", "Cancelled; nothing was saved. Send /study to start again.");
    public static readonly Text StudyTimedOut = new("学习记录长时间未完成，已自动退出，未保存。", "The study log timed out; nothing was saved.");
    public static readonly Text EntryCorrected = new("已更正这条学习记录（需支部书记重新确认）。", "The entry is corrected (your secretary will confirm it again).");
    public static readonly Text NothingToConfirm = new("本单位没有待确认的记录。", "No entries wait for confirmation.");
    public static readonly Text ConfirmAll = new("全部确认", "Confirm all");
    public static readonly Text Done = new("完成", "Done");
    public static readonly Text RejectHint = new("输入“退回 编号”退回一条（如 退回 2），点“全部确认”确认其余各条。", "Type \"reject N\" to reject one (e.g. reject 2); press Confirm all for the rest.");

    public static Text Logged(string date, string days) => new($"已记录：{date} 学习 {days} 天。", $"Logged: {date}, {days} day(s).");

    public static Text YourStudyProgress(MemberProgress standing, string deadline) => new(
        $"你的进度：{standing.Describe(false)}。本单位截止日期：{deadline}。",
        $"Your progress: {standing.Describe(true)}. Your unit's deadline: {deadline}.");

    public static Text OverlapCountedOnce(string date) => new(
        $"注意：{date} 前后已有学习记录，重叠的时间只计一次。",
        $"Note: you already have study logged around {date}; overlapping time counts once.");

    public static Text NotOnTheList(string part, int count) => new(
        $"“{part}”不是名单中的编号（1 到 {count}），请重新输入。",
        $"\"{part}\" is not a number on the list (1 to {count}); please try again.");

    public static Text CollectiveRecorded(int saved, string date) => new(
        $"已为 {saved} 人登记 {date} 的集体学习（已确认）。",
        $"Recorded the collective session of {date} for {saved} member(s) (confirmed).");

    public static Text PendingEntries(int count) => new(
        $"本单位有 {count} 条待确认的学习和调研记录：",
        $"{count} study and research entries of your unit wait for confirmation:");

    public static Text Confirmed(int count) => new(
        $"已确认本单位 {count} 条学习和调研记录。",
        $"Confirmed {count} study and research entries of your unit.");

    public static Text Rejected(string line) => new($"已退回：{line}。已通知本人。", $"Rejected: {line}. The member has been told.");

    public static Text YourEntryRejected(string line) => new(
        $"支部书记退回了你的一条记录：{line}。如有误请重新记录（/study 或 /research）。",
        $"Your secretary rejected one of your entries: {line}. Log it again if it was right (/study or /research).");

    public static Text NotANumberToReject(int count) => new($"请写“退回”和 1 到 {count} 之间的编号，如 退回 2。", $"Write \"reject\" and a number from 1 to {count}, e.g. reject 2.");

    // Research
    public static readonly Text ResearchNotForYou = new("蹲点调研由领导干部记录；你的职级没有这项要求。需要记录学习请发送 /study。", "Field research is logged by leaders; your rank has no such minimum. Send /study to log study.");
    public static readonly Text AskResearchDate = new("蹲点调研是哪一天开始的？点“今天”或输入日期（如 3月5日）。/cancel 取消。", "When did the field research start? Press Today or type a date. /cancel to stop.");
    public static readonly Text AskResearchLength = new("调研了几天？按半天计（如 1、1.5）。", "How many days? Half-day steps (1, 1.5).");
    public static readonly Text AskPlace = new("在哪里蹲点？（如 某村、某社区）", "Where? (a village, a community…)");
    public static readonly Text AskFindings = new("主要发现了什么？（不超过 500 字）", "What did you find? (at most 500 characters)");
    public static readonly Text AskOpinions = new("收集到群众哪些意见？可简要列出，或点“跳过”。", "Which opinions did people give? List them briefly, or press Skip.");
    public static readonly Text ResearchTimedOut = new("调研记录长时间未完成，已自动退出，未保存。", "The research log timed out; nothing was saved.");
    public static readonly Text RecentResearch = new("最近记录 / 更正", "Recent / correct");
    public static readonly Text NoResearchEntries = new("你还没有蹲点调研记录。", "You have no field research entries yet.");
    public static readonly Text RecentResearchEntries = new("最近的蹲点调研记录（点编号更正或删除）：", "Recent field research (press a number to correct or delete):");
    public static readonly Text Correct = new("更正", "Correct");
    public static readonly Text Delete = new("删除", "Delete");
    public static readonly Text ResearchCorrected = new("已更正这条蹲点调研记录（需支部书记重新确认）。", "The field research entry is corrected (your secretary will confirm it again).");

    public static Text ResearchLogged(MemberProgress standing) => new(
        $"已记录蹲点调研。你的进度：{standing.Describe(false)}。",
        $"Field research logged. Your progress: {standing.Describe(true)}.");

    public static Text WhatToDoWith(string line) => new($"这条记录：{line}\n要更正还是删除？", $"This entry: {line}\nCorrect or delete it?");

    public static Text EntryDeleted(MemberProgress standing) => new(
        $"已删除。你的进度：{standing.Describe(false)}。",
        $"Deleted. Your progress: {standing.Describe(true)}.");

    // Visits
    public static readonly Text VisitsNotForYou = new("走亲连心结对由领导干部记录；你的职级没有这项要求。", "Household pairing is logged by leaders; your rank has no such minimum.");
    public static readonly Text VisitsMenu = new("走亲连心：请选择（/cancel 取消）。", "Household visits: choose (/cancel to stop).");
    public static readonly Text LogVisit = new("记录一次走访", "Log a visit");
    public static readonly Text PairHousehold = new("新结对一户", "Pair with a household");
    public static readonly Text ManageHouseholds = new("改称呼 / 解除结对", "Rename / remove a household");
    public static readonly Text NoHouseholds = new("你还没有结对户，请先选择“新结对一户”。", "You have no paired household yet; pair with one first.");
    public static readonly Text WhichHousehold = new("走访的是哪一户？", "Which household did you visit?");
    public static readonly Text WhichHouseholdToChange = new("要修改哪一户？", "Which household?");
    public static readonly Text AskVisitDate = new("哪天走访的？点“今天”或输入日期（如 3月5日）。", "When was the visit? Press Today or type a date.");
    public static readonly Text AskWhatDone = new("这次走访做了什么？（如 宣讲政策、听取意见、帮办实事，不超过 500 字）", "What was done on this visit? (at most 500 characters)");
    public static readonly Text VisitsTimedOut = new("走访记录长时间未完成，已自动退出，未保存。", "The visit log timed out; nothing was saved.");
    public static readonly Text Rename = new("改称呼", "Rename");
    public static readonly Text RemovePairing = new("解除结对", "Remove");
    public static readonly Text LabelAlreadyUsed = new("你已经和这一户结对了，请换一个称呼。", "You are already paired with a household of that label; use another.");

    public static Text AskLabel(int max) => new(
        $"请给结对户起一个简短的称呼（不超过 {max} 字，如“东关村王大爷家”）。不要填写身份证号、电话等个人信息。",
        $"Give the household a short label (at most {max} characters). No ID numbers or phone numbers, please.");

    public static Text LabelRefused(Text why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(why.Chinese + "请重新输入。", why.English + " Please enter another.");
    }

    public static Text LabelTooLong(int max) => new($"称呼太长了（不超过 {max} 字）。", $"That label is too long (at most {max} characters).");

    public static readonly Text LabelEmpty = new("称呼不能为空。", "The label can't be empty.");
    public static readonly Text LabelHoldsNumber = new("称呼里不要写电话、身份证号等号码，请只写简短称呼。", "Don't put phone or ID numbers in the label; a short name is enough.");
    public static readonly Text LabelBadCharacters = new("称呼里有不能使用的字符。", "The label has characters that can't be used.");
    public static readonly Text LabelSaysNothing = new("称呼要能认出是哪一户（如“东关村王大爷家”），不能只写数字或一个字。", "The label must say which household it is (not just a number or one character).");

    public static Text Paired(string label) => new($"已结对：{label}。", $"Paired: {label}.");

    public static Text Renamed(string from, string to) => new($"已把“{from}”改为“{to}”。", $"Renamed \"{from}\" to \"{to}\".");

    public static Text HouseholdRemoved(string label, int visits) => new(
        visits == 0 ? $"已解除与“{label}”的结对。" : $"已解除与“{label}”的结对，其 {visits} 次走访记录一并删除。",
        visits == 0 ? $"Removed the pairing with \"{label}\"." : $"Removed the pairing with \"{label}\" and its {visits} visit(s).");

    public static Text HouseholdAction(string label) => new($"结对户：{label}\n要改称呼还是解除结对？", $"Household: {label}\nRename it or remove it?");

    public static Text VisitLogged(string date, string label, bool inWindow) => new(
        $"已记录 {date} 对“{label}”的走访{(inWindow ? "（在规定走访时段内）" : "（不在规定走访时段内）")}。",
        $"Visit of {date} logged{(inWindow ? " (within a set visiting period)" : " (outside the set visiting periods)")}.");

    public static Text VisitReport(Text what, MemberProgress standing, string windows)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(standing);
        return new(
            $"{what.Chinese}\n你的进度：{standing.Describe(false)}。规定走访时段：{windows}。",
            $"{what.English}\nYour progress: {standing.Describe(true)}.");
    }
}
