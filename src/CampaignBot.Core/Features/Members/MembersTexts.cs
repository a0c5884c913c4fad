using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Members;

/// <summary>Texts of managing people (/members, /member, /invite revoke).</summary>
public static class MembersTexts
{
    public static readonly Text OnlyManagers = new("只有支部书记和活动办可以管理成员。", "Only secretaries and the campaign office can manage members.");

    public static readonly Text OwnUnitOnly = new("支部书记只能管理本单位的党员。", "A secretary can manage only the members of their own unit.");

    public static readonly Text UnitOfficeOnly = new("调整成员所在单位请联系活动办。", "Only the campaign office can move a member to another unit.");

    public static readonly Text NotYourself = new("不能停用自己的账号。", "You cannot deactivate yourself.");

    public static readonly Text MemberUsage = new(
        "用法：/member <成员编号> 查看；/member <编号> name <姓名>｜rank <职级>｜unit <单位ID>｜deactivate（停用）｜activate（恢复）。成员编号见 /members。",
        "Usage: /member <id> to see; /member <id> name <name> | rank <rank> | unit <unit-id> | deactivate | activate. Ids are listed by /members.");

    public static readonly Text InviteUsage = new("用法：/invite revoke <邀请码>", "Usage: /invite revoke <code>");

    public static readonly Text NameEmpty = new("姓名不能为空。", "The name can't be empty.");

    public static readonly Text NameBad = new("姓名里有不能使用的字符。", "The name contains characters that can't be used.");

    public static Text NameTooLong(int max) => new($"姓名太长了（不超过 {max} 个字）。", $"That name is too long (at most {max} characters).");

    public static Text NoSuchMember(string reference) => new($"没有编号为 {reference} 的成员。发送 /members 查看名单。", $"No member {reference}. Send /members for the list.");

    public static Text NoSuchRank(string given, string ranks) => new($"职级 '{given}' 不存在。可选：{ranks}", $"No rank '{given}'. Choose from: {ranks}");

    public static Text NoSuchUnit(string given) => new($"单位 '{given}' 不在活动配置中。", $"Unit '{given}' is not part of the campaign.");

    public static Text Unchanged(string name) => new($"{name} 的资料没有变化。", $"Nothing changed for {name}.");

    public static Text Changed(string summary) => new($"已更新：{summary}", $"Updated: {summary}");

    public static Text DeactivatedDone(string name) => new(
        $"已停用 {name}：其记录保留，此后不能再办理任何事项、也不再收到提醒。恢复请发送 /member <编号> activate。",
        $"{name} is deactivated: their records stay; they can no longer act and get no reminders. To undo, send /member <id> activate.");

    public static Text ActivatedDone(string name) => new($"已恢复 {name} 的账号。", $"{name} is active again.");

    public static Text InviteRevoked(string code) => new($"邀请码 {code} 已收回，不能再用于注册（已注册的成员不受影响）。", $"Invite code {code} is revoked; it can no longer be used (members who registered with it are not affected).");

    public static Text InviteNotRevoked(string code) => new($"邀请码 {code} 不存在或已收回。", $"Invite code {code} does not exist or is already revoked.");

    public static Text InviteOtherUnit(string code) => new($"邀请码 {code} 不属于本单位。", $"Invite code {code} is not for your unit.");

    public static Text ListHeading(string unit, int count, int inactive) => new(
        $"「{unit}」成员 {count} 人" + (inactive > 0 ? $"（已停用 {inactive} 人）" : string.Empty) + "：",
        $"{unit}: {count} member(s)" + (inactive > 0 ? $" ({inactive} deactivated)" : string.Empty) + ":");

    public static Text ListMore(int more) => new($"……另有 {more} 人，请导出名单：campaignbot members list --unit <单位ID>", $"… and {more} more; use: campaignbot members list --unit <unit-id>");

    public static readonly Text ListHint = new("修改或停用：/member <编号> …（发送 /member 查看用法）", "To change or deactivate: /member <id> … (send /member for usage)");

    public static readonly Text OfficeUnitsHeading = new("各单位成员人数（查看名单：/members <单位ID>）：", "Members per unit (for names: /members <unit-id>):");

    public static readonly Text DeactivatedMark = new("（已停用）", " (deactivated)");
}
