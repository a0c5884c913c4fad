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

    public static Text DispatchAsk(string unitName, string month) => new(
        $"【月调度 {month}】请报送{unitName}本月情况：办实事件数和内容、整改台帐进展是否已核实、备注。\n" + DispatchUsage.Chinese,
        $"[Monthly dispatch {month}] Please report for {unitName}: practical things done, whether ledger progress was checked, a note.\n" + DispatchUsage.English);

    public static Text TooManyLines(int lines, int length) => new($"办实事最多 {lines} 条，每条不超过 {length} 字。", $"At most {lines} practical things, each at most {length} characters.");

    public static Text DispatchSaved(string month, int count) => new($"已收到 {month} 月调度：办实事 {count} 件。本月再次报送会覆盖。", $"Dispatch for {month} received: {count} practical things. Sending again this month replaces it.");

    public static Text Draft(string month) => new($"{month} 月通报草稿如下，核对后发送 /bulletin {month} publish 发布到各单位群。", $"Draft bulletin for {month} below; send /bulletin {month} publish to post it to the units' groups.");

    public static Text Published(string month, int groups) => new($"{month} 月通报已发布到 {groups} 个单位群。", $"The {month} bulletin was posted to {groups} unit groups.");

    public static Text AlreadyPublished(string month) => new($"{month} 月通报已经发布过了。", $"The {month} bulletin was published already.");
}
