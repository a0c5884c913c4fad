namespace CampaignBot.Core.Features.Pledges;

/// <summary>Everything the pledge (/pledge) and check-in (/checkin) flows say.</summary>
public static partial class PledgeTexts
{
    // Public pledges (/pledge).
    public static Text AlreadyPublished(IEnumerable<(Text Area, string Text)> pledges)
    {
        var list = pledges.ToList();
        return new(
            "你的公开承诺已经发布，不能再修改：\n" + string.Join("\n", list.Select(p => $"【{p.Area.Chinese}】{p.Text}")) + "\n每月会请你报告履约情况，也可随时发送 /checkin。",
            "Your pledges are published and can no longer be changed:\n" + string.Join("\n", list.Select(p => $"[{p.Area.English}] {p.Text}")) + "\nEach month you will be asked how you keep them; send /checkin any time.");
    }

    public static Text AskPledge(Text area, string? current) => new(
        $"请写下你在「{area.Chinese}」方面的承诺（{Pledge.MinLength}–{Pledge.MaxLength} 字）。{(current is null ? string.Empty : $"\n原内容：{current}")}\n/back 返回。",
        $"Write your pledge on \"{area.English}\" ({Pledge.MinLength}–{Pledge.MaxLength} characters).{(current is null ? string.Empty : $"\nCurrent: {current}")}\n/back to go back.");

    /// <summary>What the unit's group reads; the group's language is Chinese.</summary>
    public static string GroupPost(string member, string unit, IEnumerable<(string Area, string Text)> pledges) =>
        GroupPostBlock(member, unit, pledges) + GroupPostClosing;

    /// <summary>One member's pledges in a group post, without the closing line (several members share one post).</summary>
    public static string GroupPostBlock(string member, string unit, IEnumerable<(string Area, string Text)> pledges) =>
        $"【公开承诺】{member}（{unit}）\n" + string.Concat(pledges.Select(p => $"· {p.Area}：{p.Text}\n"));

    public const string GroupPostClosing = "欢迎大家监督。";

    public static Text Published(int count, string? group) => new(
        $"已发布 {count} 条公开承诺{(group is null ? "。本单位还没有关联群聊，承诺已记录，书记关联群聊（/link）后会自动发到群里" : $"，已发到「{group}」群")}。每月会请你报告履约情况。",
        $"{Plural.En(count, "pledge")} published{(group is null ? "; your unit has no linked group yet; they are recorded and will be posted there once a secretary links one (/link)" : $" to the group \"{group}\"")}. Each month you will be asked how you keep them.");

    // Keeping pledges (/checkin).
    public static Text CheckInIntroduction(string period) =>
        new($"履约践诺（{period}）：请逐条报告本月践行承诺的情况。", $"Keeping pledges ({period}): tell us how you kept each pledge this month.");

    public static Text AskNote(int max) =>
        new($"请简要说明具体做法或原因（不超过 {max} 字），或点“跳过”。", $"Add a short note (at most {max} characters), or press Skip.");

    public static Text NoteTooLong(int max) =>
        new($"说明太长了（最多 {max} 字），请精简后重新输入。", $"The note is too long (at most {max} characters); please shorten it.");
}
