using System.Text.RegularExpressions;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// The source's rules for contact points, checked the same way for the campaign file and for /contact set:
/// "每名市级领导联系1个县直部门和1个基层单位", each county leader one village or community.
/// </summary>
public static partial class ContactRules
{
    /// <summary>
    /// What is wrong with <paramref name="assignment"/>; empty when it keeps the rules. <paramref name="kindOf"/>
    /// gives a unit's kind, or null for a unit that does not exist.
    /// </summary>
    public static IReadOnlyList<Text> Check(ContactAssignment assignment, ContactSettings settings, Func<string, string?> kindOf)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(kindOf);
        var problems = new List<Text>();
        if (!IsMemberId(assignment.LeaderId))
        {
            problems.Add(ContactTexts.BadLeaderId(assignment.LeaderId));
        }

        var unknown = assignment.UnitIds.Where(u => kindOf(u) is null).ToList();
        foreach (var unit in unknown)
        {
            problems.Add(ContactTexts.UnknownUnit(unit));
        }

        foreach (var twice in assignment.UnitIds.GroupBy(u => u, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            problems.Add(ContactTexts.UnitTwice(twice.Key));
        }

        if (unknown.Count > 0 || problems.Count > 0)
        {
            return problems;
        }

        var kinds = assignment.UnitIds.Select(u => kindOf(u)!).ToList();
        if (assignment.Level == ContactLevel.City)
        {
            var departments = kinds.Count(settings.DepartmentKinds.Contains);
            var grassroots = kinds.Count(settings.GrassrootsKinds.Contains);
            if (kinds.Count != 2 || departments != 1 || grassroots != 1)
            {
                problems.Add(ContactTexts.CityRule(kinds.Count, departments, grassroots));
            }
        }
        else if (kinds.Count != 1 || !settings.VillageKinds.Contains(kinds[0]))
        {
            problems.Add(ContactTexts.CountyRule(kinds.Count));
        }

        return problems;
    }

    /// <summary>"city" / "county" (or 市级 / 县级) → the level.</summary>
    public static ContactLevel? ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "city" or "市级" or "市" => ContactLevel.City,
        "county" or "县级" or "县" => ContactLevel.County,
        _ => null,
    };

    public static string LevelCode(ContactLevel level) => level == ContactLevel.City ? "city" : "county";

    /// <summary>Member ids are "channel:user id" (telegram:12345, wecom:zhangsan, console:10001).</summary>
    public static bool IsMemberId(string? id) => id is not null && MemberIdPattern().IsMatch(id);

    [GeneratedRegex("^[a-z]{2,16}:[A-Za-z0-9_.@-]{1,64}$")]
    private static partial Regex MemberIdPattern();
}
