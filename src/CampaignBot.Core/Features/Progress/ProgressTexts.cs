using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Features.Progress;

/// <summary>What /progress says about examinations and pledges (other features render their own sections).</summary>
public static class ProgressTexts
{
    public static readonly Text AllUnits = new("全部单位", "all units");

    public static Text Heading(string title, int members) =>
        new($"「{title}」对照检查进度（{members} 人）\n", $"Self-examinations in \"{title}\" ({members} members)\n");

    /// <summary>One status line; the names are listed when there are at most 30.</summary>
    public static Text StatusLine(string chinese, string english, IReadOnlyList<string> names)
    {
        var listed = names.Count is > 0 and <= 30;
        return new(
            $"{chinese} {names.Count} 人" + (listed ? "：" + string.Join("、", names) : string.Empty) + "\n",
            $"{english}: {names.Count}" + (listed ? " (" + string.Join(", ", names) + ")" : string.Empty) + "\n");
    }

    public static Text Deadline(string date) => new($"截止日期：{date}\n", $"Deadline: {date}\n");

    public static Text Pledges(int members, int pledges) =>
        new($"公开承诺：{members} 人发布 {pledges} 条\n", $"Public pledges: {pledges} published by {members} member(s)\n");

    public static Text CheckIns(string period, int count, IEnumerable<(string Chinese, string English, int Count)> outcomes)
    {
        var list = outcomes.ToList();
        return new(
            $"本月（{period}）履约报告 {count} 条：" + string.Join("，", list.Select(o => $"{o.Chinese} {o.Count}")),
            $"Pledge check-ins this month ({period}): {count} — " + string.Join(", ", list.Select(o => $"{o.English} {o.Count}")));
    }
}
