using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>The words of the monthly dispatch (月调度) and bulletin (月通报).</summary>
public static class BulletinTexts
{
    public static readonly Text DispatchUsage = new(
        "月调度报送：/dispatch <本月办实事件数> | <办实事1；办实事2…> | <整改进展是否已核实：是/否> | <备注>\n例：/dispatch 2 | 修复村道；安装路灯 | 是 | 无",
        "Monthly dispatch: /dispatch <practical things done> | <thing 1; thing 2…> | <ledger progress checked: yes/no> | <note>\nE.g. /dispatch 2 | fixed the road; new street lights | yes | none");

    public static readonly Text DispatchNotAllowed = new("月调度由本单位支部书记报送。", "The unit's secretary answers the monthly dispatch.");

    public static readonly Text BadCount = new("办实事件数须是 0 到 999 的整数。", "The number of practical things must be a whole number from 0 to 999.");

    public static readonly Text BulletinUsage = new("用法：/bulletin [yyyy-MM] preview　/bulletin yyyy-MM publish", "Usage: /bulletin [yyyy-MM] preview  /bulletin yyyy-MM publish");

    public static readonly Text BulletinNotAllowed = new("月通报由活动办预览和发布。", "The campaign office previews and publishes the monthly bulletin.");

    public static readonly Text FlowTitle = new("月调度报送", "monthly dispatch");

    public static readonly Text AskCount = new("本月办实事多少件？请输入数字（没有请输入 0）。", "How many practical things were done this month? Type a number (0 if none).");

    public static readonly Text AskChecked = new("本月整改台帐的进展是否已逐项核实？", "Was the ledger's progress checked item by item this month?");

    public static readonly Text AskNote = new("还有什么需要说明的？直接输入，或点“跳过”。", "Anything to add? Type it, or press Skip.");

    public static readonly Text Yes = new("是", "Yes");

    public static readonly Text No = new("否", "No");

    public static readonly Text Skip = new("跳过", "Skip");

    public static readonly Text PressYesNo = new("请点击“是”或“否”。", "Please press Yes or No.");

    public static readonly Text NoteTooLong = new("说明太长了（最多 300 字），请精简后重新输入。", "The note is too long (at most 300 characters); please shorten it.");

    public static readonly Text FormCancelled = new("已取消，本月调度未报送。", "Cancelled; the dispatch was not sent.");

    public static readonly Text FormTimedOut = new("长时间未操作，已退出，本月调度未报送。", "Idle for too long; the dispatch was not sent.");

    public static Text FormGreeting(string month) => new($"{month} 月调度报送（发送 /cancel 取消）。", $"Monthly dispatch for {month} (send /cancel to stop).");

    public static Text AskLines(int max) => new($"分别是哪些实事？每行一件（最多 {max} 件）。", $"Which ones? One a line (at most {max}).");

    public static Text DispatchAsk(string unitName, string month) => new(
        $"【月调度 {month}】请报送{unitName}本月情况：办实事件数和内容、整改台帐进展是否已核实、备注。发送 /dispatch 逐项填写，或一行报送：\n" + DispatchUsage.Chinese,
        $"[Monthly dispatch {month}] Please report for {unitName}: practical things done, whether ledger progress was checked, a note. Send /dispatch for the form, or in one line:\n" + DispatchUsage.English);

    public static Text TooManyLines(int lines, int length) => new($"办实事最多 {lines} 条，每条不超过 {length} 字。", $"At most {lines} practical things, each at most {length} characters.");

    public static Text DispatchSaved(string month, int count) => new($"已收到 {month} 月调度：办实事 {count} 件。本月再次报送会覆盖。", $"Dispatch for {month} received: {count} practical things. Sending again this month replaces it.");

    public static Text Draft(string month) => new($"{month} 月通报草稿如下，核对后发送 /bulletin {month} publish 发布到各单位群。", $"Draft bulletin for {month} below; send /bulletin {month} publish to post it to the units' groups.");

    public static Text Published(string month, int groups) => new($"{month} 月通报已发布到 {groups} 个单位群。", $"The {month} bulletin was posted to {groups} unit groups.");

    public static Text AlreadyPublished(string month) => new($"{month} 月通报已经发布过了。", $"The {month} bulletin was published already.");
}
