using CampaignBot.Core.Features.Contacts;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>
/// The optional <c>contacts:</c> section (全程联系): which unit kinds count as county departments, grassroots units and
/// villages, whether contact leaders review examinations, and the leaders with their units, each checked against the
/// source's rules (<see cref="ContactRules"/>) and reported with its line.
/// </summary>
internal static class CampaignContactsSection
{
    public const string Key = "contacts";

    /// <param name="writtenKinds">Every unit kind code written, also of kinds with errors, so a broken kind is not reported twice.</param>
    public static ContactSettings Read(CampaignYamlMap top, IReadOnlySet<string> writtenKinds, IReadOnlyList<UnitDefinition> units, CampaignErrorList errors)
    {
        if (top.Map(Key, Key, required: false) is not { } section)
        {
            return ContactSettings.None;
        }

        var kindCodes = writtenKinds.ToList();
        var settings = new ContactSettings
        {
            ReviewsExaminations = section.Bool("reviews_examinations") ?? false,
            DepartmentKinds = ReadKinds(section, "department_kinds", kindCodes, errors),
            GrassrootsKinds = ReadKinds(section, "grassroots_kinds", kindCodes, errors),
            VillageKinds = ReadKinds(section, "village_kinds", kindCodes, errors),
        };
        var leaders = ReadLeaders(section, settings, top, units, errors);
        section.RejectUnknownKeys();
        return settings with { Leaders = leaders };
    }

    private static List<string> ReadKinds(CampaignYamlMap section, string key, IReadOnlyList<string> kindCodes, CampaignErrorList errors)
    {
        var result = new List<string>();
        if (section.List(key) is not { } list)
        {
            return result;
        }

        foreach (var child in list.Children)
        {
            if (child is YamlScalarNode { Value: { Length: > 0 } code } && kindCodes.Contains(code))
            {
                result.Add(code);
                continue;
            }

            var written = child is YamlScalarNode scalar ? scalar.Value : CampaignYamlValues.Describe(child);
            errors.Add(child, $"{section.Where(key)} 中的“{written}”不是 unit_kinds 里的单位类型 code；可用的是：{string.Join("、", kindCodes)}。");
        }

        return result;
    }

    private static List<ContactAssignment> ReadLeaders(CampaignYamlMap section, ContactSettings settings, CampaignYamlMap top, IReadOnlyList<UnitDefinition> units, CampaignErrorList errors)
    {
        var result = new List<ContactAssignment>();
        var value = section.Find("leaders");
        if (value is null || CampaignYamlValues.IsNull(value))
        {
            return result;
        }

        if (value is not YamlSequenceNode list)
        {
            errors.Add(value, $"{section.Where("leaders")} 应为列表（每项以“- ”开头），实际是{CampaignYamlValues.Describe(value)}。");
            return result;
        }

        var writtenUnits = WrittenUnitIds(top);
        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (CampaignYamlMap.From(list.Children[i], $"contacts 的 leaders 第 {i + 1} 项", errors) is not { } item)
            {
                continue;
            }

            var assignment = ReadLeader(item, settings, units, writtenUnits, seen, errors);
            item.RejectUnknownKeys();
            if (assignment is not null)
            {
                result.Add(assignment);
            }
        }

        return result;
    }

    private static ContactAssignment? ReadLeader(CampaignYamlMap item, ContactSettings settings, IReadOnlyList<UnitDefinition> units, HashSet<string> writtenUnits, Dictionary<string, long> seen, CampaignErrorList errors)
    {
        var member = item.Text("member");
        var name = item.Text("name");
        var levelText = item.Text("level");
        var unitIds = ReadUnitIds(item, errors);
        var level = ContactRules.ParseLevel(levelText);
        if (levelText is not null && level is null)
        {
            errors.Add(item.Find("level")!, $"{item.Where("level")} 只能是 city（市级领导）或 county（县级领导），实际是“{levelText}”。");
        }

        if (member is not null && item.Find("member") is { } memberNode)
        {
            if (seen.TryGetValue(member, out var firstLine))
            {
                errors.Add(memberNode, $"{item.Where("member")} “{member}” 重复，第 {firstLine} 行已经写过这位领导；每位领导只写一项。");
                return null;
            }

            seen[member] = memberNode.Start.Line;
        }

        if (member is null || name is null || level is not { } known || unitIds is null)
        {
            return null;
        }

        var assignment = new ContactAssignment(member, name, known, unitIds);

        // A unit written in units: but broken there is reported there; its kind is unknown here, so the rule waits.
        if (unitIds.Any(u => writtenUnits.Contains(u) && !units.Any(x => x.Id == u)))
        {
            return null;
        }

        var problems = ContactRules.Check(assignment, settings, unit => units.FirstOrDefault(u => u.Id == unit)?.Kind);
        foreach (var problem in problems)
        {
            var at = problem == ContactTexts.BadLeaderId(member) ? item.Find("member")! : item.Find("units")!;
            errors.Add(at, $"{item.Path}（{name}）：{problem.Chinese}");
        }

        return problems.Count == 0 ? assignment : null;
    }

    private static List<string>? ReadUnitIds(CampaignYamlMap item, CampaignErrorList errors)
    {
        if (item.List("units") is not { } list)
        {
            return null;
        }

        var ids = new List<string>();
        foreach (var child in list.Children)
        {
            if (child is YamlScalarNode { Value: { Length: > 0 } id } scalar && !CampaignYamlValues.IsNull(scalar))
            {
                ids.Add(id);
            }
            else
            {
                errors.Add(child, $"{item.Where("units")} 的每项应为一个单位 id，实际是{CampaignYamlValues.Describe(child)}。");
                return null;
            }
        }

        return ids;
    }

    private static HashSet<string> WrittenUnitIds(CampaignYamlMap top) =>
        top.Find("units") is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlMappingNode>()
                .Select(item => item.Children.TryGetValue(new YamlScalarNode("id"), out var id) ? (id as YamlScalarNode)?.Value : null)
                .OfType<string>()]
            : [];
}
