namespace CampaignBot.Core.Features.Members;

/// <summary>Texts of managing people (/members, /member, /invite revoke).</summary>
public static partial class MembersTexts
{
    public static Text ListHeading(string unit, int count, int inactive) => new(
        $"「{unit}」成员 {count} 人" + (inactive > 0 ? $"（已停用 {inactive} 人）" : string.Empty) + "：",
        $"{unit}: {Plural.En(count, "member")}" + (inactive > 0 ? $" ({inactive} deactivated)" : string.Empty) + ":");
}
