namespace CampaignBot.Core.Features.Study;

/// <summary>What the study, research and visit flows say, in Chinese and English.</summary>
public static partial class StudyTexts
{
    // Shared steps
    public static Text Days(int days) => new($"{days} 天", Plural.En(days, "day"));

    // Study
    // Research
    // Visits
    public static Text LabelRefused(Text why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(why.Chinese + "请重新输入。", why.English + " Please enter another.");
    }

    public static Text HouseholdRemoved(string label, int visits) => new(
        visits == 0 ? $"已解除与“{label}”的结对。" : $"已解除与“{label}”的结对，其 {visits} 次走访记录一并删除。",
        visits == 0 ? $"Removed the pairing with \"{label}\"." : $"Removed the pairing with \"{label}\" and its {Plural.En(visits, "visit")}.");

    public static Text VisitLogged(string date, string label, bool inWindow) => new(
        $"已记录 {date} 对“{label}”的走访{(inWindow ? "（在规定走访时段内）" : "（不在规定走访时段内）")}。",
        $"Visit of {date} logged{(inWindow ? " (within a set visiting period)" : " (outside the set visiting periods)")}.");

    public static Text VisitReport(Text what, MemberProgress standing, Text windows)
    {
        ArgumentNullException.ThrowIfNull(what);
        ArgumentNullException.ThrowIfNull(standing);
        return new(
            $"{what.Chinese}\n你的进度：{standing.Describe(false)}。规定走访时段：{windows.Chinese}。",
            $"{what.English}\nYour progress: {standing.Describe(true)}. Visiting periods: {windows.English}.");
    }
}
