namespace CampaignBot.Core.Features.Progress;

/// <summary>What /progress says about examinations and pledges (other features render their own sections).</summary>
public static partial class ProgressTexts
{
    public static Text Heading(string title, int members) =>
        new($"「{title}」对照检查进度（{members} 人）\n", $"Self-examinations in \"{title}\" ({Plural.En(members, "member")})\n");

    /// <summary>One status line; the names are listed when there are at most 30.</summary>
    public static Text StatusLine(string chinese, string english, IReadOnlyList<string> names)
    {
        var listed = names.Count is > 0 and <= 30;
        return new(
            $"{chinese} {names.Count} 人" + (listed ? "：" + string.Join("、", names) : string.Empty) + "\n",
            $"{english}: {names.Count}" + (listed ? " (" + string.Join(", ", names) + ")" : string.Empty) + "\n");
    }

    /// <summary>One unit in the all-units /progress: ⚠ when behind, examinations in of members, returned, deadline.</summary>
    public static Text UnitLine(bool behind, string unit, int done, int members, int returned, DateOnly? deadline)
    {
        var mark = behind ? "⚠" : "·";
        var date = deadline?.ToString("MM-dd", CultureInfo.InvariantCulture) ?? "—";
        return new(
            $"{mark} {unit}：已交 {done}/{members}" + (returned > 0 ? $"，退回 {returned}" : string.Empty) + $"，截止 {date}",
            $"{mark} {unit}: {done}/{members} in" + (returned > 0 ? $", {returned} returned" : string.Empty) + $", deadline {date}");
    }

    public static Text Pledges(int members, int pledges) =>
        new($"公开承诺：{members} 人发布 {pledges} 条\n", $"Public pledges: {pledges} published by {Plural.En(members, "member")}\n");

    public static Text CheckIns(string period, int count, IEnumerable<(string Chinese, string English, int Count)> outcomes)
    {
        var list = outcomes.ToList();
        return new(
            $"本月（{period}）履约报告 {count} 条：" + string.Join("，", list.Select(o => $"{o.Chinese} {o.Count}")),
            $"Pledge check-ins this month ({period}): {count} — " + string.Join(", ", list.Select(o => $"{o.English} {o.Count}")));
    }

    public static Text Reminded(int sent, int already, DateTimeOffset? at) => new(
        $"已催办 {sent} 人" + (already > 0 ? $"；{already} 人今天已催过，不再重复" : string.Empty) + (at is { } t ? $"；现在是休息时间，将于 {t:HH:mm} 发出" : string.Empty) + "。",
        $"Reminded {sent}" + (already > 0 ? $"; {already} already reminded today, not again" : string.Empty) + (at is { } t2 ? $"; it is quiet hours, they go out at {t2:HH:mm}" : string.Empty) + ".");
}
