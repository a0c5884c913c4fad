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

    public static readonly Text OnlyManagers = new("待办名单由支部书记查看，活动办查看全市异常单位。", "Action lists are for secretaries; the campaign office sees the units behind city-wide.");

    public static readonly Text NothingToDo = new("本单位没有待办事项：人人都在进度上。", "Nothing to chase: everyone in your unit is on track.");

    public static readonly Text RemindHint = new("点击下面的按钮向名单上的人发送催办提醒（每人每天最多一次，夜间不打扰）。", "Press a button below to remind the people on that list (at most once a day per person; never in quiet hours).");

    public static readonly Text OfficeAllGood = new("全市没有需要关注的单位。", "No unit needs attention city-wide.");

    public static readonly Text OfficeHeading = new("【全市需要关注的单位】（只列异常，不列个人；单位详情：/progress <单位ID>）", "Units needing attention city-wide (exceptions only, no names; details: /progress <unit-id>)");

    public static readonly Text OfficeMakeUp = new("需要补课（最近一轮评议未通过）：", "Make-up needed (latest evaluation round failed):");

    public static readonly Text OfficeBehind = new("进度落后：", "Behind:");

    public static readonly Text BadButton = new("无效的催办按钮。", "Invalid reminder button.");

    public static readonly Text RemindUsage = new("用法：/todo 查看名单；/todo remind <类别>（类别：not_started、not_submitted、not_pledged、not_checked_in、study）", "Usage: /todo for the lists; /todo remind <list> (not_started, not_submitted, not_pledged, not_checked_in, study)");

    public static Text TodoHeading(string unit) => new($"【{unit}待办名单】", $"Action list for {unit}");

    public static Text Reminded(int sent, int already, DateTimeOffset? at) => new(
        $"已催办 {sent} 人" + (already > 0 ? $"；{already} 人今天已催过，不再重复" : string.Empty) + (at is { } t ? $"；现在是休息时间，将于 {t:HH:mm} 发出" : string.Empty) + "。",
        $"Reminded {sent}" + (already > 0 ? $"; {already} already reminded today, not again" : string.Empty) + (at is { } t2 ? $"; it is quiet hours, they go out at {t2:HH:mm}" : string.Empty) + ".");

    public static Text NobodyOnList(string list) => new($"「{list}」名单上现在没有人。", $"Nobody is on the list \"{list}\" now.");

    public static Text RemindButton(string list, int count) => new($"催办：{list}（{count}）", $"Remind: {list} ({count})");

    public static Text Reminder(string secretary, string what) => new($"【催办】{secretary}提醒你：{what}", $"Reminder from {secretary}: {what}");
}
