using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Pledges;

/// <summary>Everything the pledge (/pledge) and check-in (/checkin) flows say.</summary>
public static class PledgeTexts
{
    // Public pledges (/pledge).
    public static readonly Text Title = new("公开承诺", "public pledge");

    public static readonly Text NotRegistered = new("你还没有注册。发送 /start，并输入单位发给你的邀请码即可注册。", "You are not registered yet. Send /start and enter the invite code your unit gave you.");

    public static readonly Text HasDrafts = new("你有尚未发布的承诺草稿，可以修改、撤回或确认发布。", "You have unpublished drafts: edit, withdraw or publish them.");

    public static readonly Text Introduction = new(
        "公开承诺：请从七个方面中选择一个或多个，逐条写下你的承诺（每条 10–500 字），预览确认后发布到本单位群。",
        "Public pledges: choose one or more of the seven areas, write each pledge (10–500 characters), preview and publish it to your unit's group.");

    public static readonly Text ChooseAreas = new("请选择承诺的方面（可多选，再点一次取消），选好后点“选好了”。", "Choose the areas (several allowed; press again to unselect), then press \"Done\".");

    public static readonly Text Done = new("选好了", "Done");

    public static readonly Text ChooseAtLeastOne = new("请至少选择一个方面。", "Please choose at least one area.");

    public static readonly Text ChooseWithButtons = new("请点击按钮选择方面，选好后点“选好了”。", "Choose areas with the buttons, then press \"Done\".");

    public static readonly Text PreviewHeading = new("承诺预览（尚未发布）：\n", "Preview (not yet published):\n");

    public static readonly Text PreviewFooter = new("发布后不能再修改。", "Once published, pledges can't be changed.");

    public static readonly Text Publish = new("确认发布", "Publish");

    public static readonly Text AddAreas = new("增加方面", "Add areas");

    public static readonly Text PublishEditOrWithdraw = new("请点击“确认发布”，或选择修改、撤回某一条。", "Press \"Publish\", or edit or withdraw a pledge.");

    public static readonly Text Cancelled = new("已退出。写好的承诺草稿已保存（尚未发布），发送 /pledge 可继续修改或发布。", "Left. Your drafts are saved (not published); send /pledge to edit or publish them.");

    public static readonly Text TimedOut = new("公开承诺长时间未操作，已自动退出；草稿已保存，发送 /pledge 继续。", "The pledge was idle and closed; drafts are saved. Send /pledge to continue.");

    public static Text AlreadyPublished(IEnumerable<(string Area, string Text)> pledges)
    {
        var list = pledges.ToList();
        return new(
            "你的公开承诺已经发布，不能再修改：\n" + string.Join("\n", list.Select(p => $"【{p.Area}】{p.Text}")) + "\n每月会请你报告履约情况，也可随时发送 /checkin。",
            "Your pledges are published and can no longer be changed:\n" + string.Join("\n", list.Select(p => $"[{p.Area}] {p.Text}")) + "\nEach month you will be asked how you keep them; send /checkin any time.");
    }

    public static Text AskPledge(string area, string? current) => new(
        $"请写下你在「{area}」方面的承诺（{Pledge.MinLength}–{Pledge.MaxLength} 字）。{(current is null ? string.Empty : $"\n原内容：{current}")}\n/back 返回。",
        $"Write your pledge on \"{area}\" ({Pledge.MinLength}–{Pledge.MaxLength} characters).{(current is null ? string.Empty : $"\nCurrent: {current}")}\n/back to go back.");

    public static Text PledgeLength(int length) => new(
        $"承诺应为 {Pledge.MinLength}–{Pledge.MaxLength} 字（现在是 {length} 字），请重新输入。",
        $"A pledge must be {Pledge.MinLength}–{Pledge.MaxLength} characters (this one is {length}); please write it again.");

    public static Text Edit(int number) => new($"修改{number}", $"Edit {number}");

    public static Text Withdraw(int number) => new($"撤回{number}", $"Withdraw {number}");

    public static Text Withdrawn(string area) => new($"已撤回「{area}」方面的承诺。", $"The pledge on \"{area}\" was withdrawn.");

    /// <summary>What the unit's group reads; the group's language is Chinese.</summary>
    public static string GroupPost(string member, string unit, IEnumerable<(string Area, string Text)> pledges) =>
        $"【公开承诺】{member}（{unit}）\n" + string.Concat(pledges.Select(p => $"· {p.Area}：{p.Text}\n")) + "欢迎大家监督。";

    public static Text Published(int count, string? group) => new(
        $"已发布 {count} 条公开承诺{(group is null ? "。本单位还没有关联群聊，承诺已记录，书记关联群聊（/link）后会自动发到群里" : $"，已发到「{group}」群")}。每月会请你报告履约情况。",
        $"{count} pledge(s) published{(group is null ? "; your unit has no linked group yet; they are recorded and will be posted there once a secretary links one (/link)" : $" to the group \"{group}\"")}. Each month you will be asked how you keep them.");

    // Keeping pledges (/checkin).
    public static readonly Text CheckInTitle = new("履约践诺", "keeping pledges");

    public static readonly Text NothingPublished = new("你还没有发布公开承诺。发送 /pledge 写下你的承诺。", "You have no published pledges yet. Send /pledge to make them.");

    public static readonly Text PressAnOutcome = new("请点击按钮：已践行、部分践行或尚未践行。", "Please press Kept, Partly kept or Not yet.");

    public static readonly Text Skip = new("跳过", "Skip");

    public static readonly Text FirstStepOfPledge = new("已经是这一条的第一步了。", "This is already the first step for this pledge.");

    public static readonly Text CheckInDone = new("本月履约情况已记录，谢谢！", "This month's report is recorded. Thank you!");

    public static readonly Text CheckInCancelled = new("已退出；已报告的条目已记录。发送 /checkin 可随时补报。", "Left; what you reported is recorded. Send /checkin any time to finish.");

    public static readonly Text CheckInTimedOut = new("履约报告长时间未操作，已自动退出。发送 /checkin 可随时补报。", "The report was idle and closed. Send /checkin any time to finish.");

    public static Text CheckInIntroduction(string period) =>
        new($"履约践诺（{period}）：请逐条报告本月践行承诺的情况。", $"Keeping pledges ({period}): tell us how you kept each pledge this month.");

    public static Text AskOutcome(int number, int count, string area, string pledge) => new(
        $"第 {number}/{count} 条【{area}】{pledge}\n本月践行情况？",
        $"Pledge {number}/{count} [{area}] {pledge}\nHow did you keep it this month?");

    public static Text AskNote(int max) =>
        new($"请简要说明具体做法或原因（不超过 {max} 字），或点“跳过”。", $"Add a short note (at most {max} characters), or press Skip.");

    public static Text NoteTooLong(int max) =>
        new($"说明太长了（最多 {max} 字），请精简后重新输入。", $"The note is too long (at most {max} characters); please shorten it.");

    public static Text PendingPosted(int members, int pledges) => new(
        $"本单位此前发布、尚未发到群里的公开承诺现已发到群里：{members} 人共 {pledges} 条。",
        $"Pledges published before the group was linked are now posted to the group: {pledges} pledge(s) of {members} member(s).");
}
