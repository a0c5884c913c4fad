using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>
/// The <c>checklists:</c> section: self-examination forms, their items, who answers and who reviews them.
/// Checks that every rank in every kind of unit gets a form, so no member is left without one.
/// </summary>
internal static class CampaignChecklistSection
{
    public const int MaxItems = 30;

    private static readonly Dictionary<string, ChecklistAnswerKind> AnswerKinds = new(StringComparer.Ordinal)
    {
        ["choice"] = ChecklistAnswerKind.Choice,
        ["text"] = ChecklistAnswerKind.Text,
        ["both"] = ChecklistAnswerKind.Both,
    };

    public static List<ChecklistDefinition> Read(
        CampaignYamlMap top,
        IReadOnlyList<RankDefinition> ranks,
        IReadOnlyList<UnitKindDefinition> kinds,
        CampaignErrorList errors)
    {
        // Ranks are checked against every code written, so a rank with an error of its own is not reported twice.
        var rankCodes = WrittenCodes(top.Find("ranks"));
        var checklists = CampaignLists.Read(top, "checklists", "code", item => ReadChecklist(item, rankCodes, errors), errors);
        if (checklists.Count > 0 && top.Find("checklists") is { } node)
        {
            CheckCoverage(node, checklists, ranks, kinds, errors);
        }

        return checklists;
    }

    private static ChecklistDefinition? ReadChecklist(CampaignYamlMap item, IReadOnlyList<string> ranks, CampaignErrorList errors)
    {
        var code = item.Text("code");
        var name = item.Text("name");
        var english = item.EnglishName();
        var forRanks = ReadRanks(item, ranks, errors);
        var writesReport = ReadOptionalBool(item, "writes_report", errors, out var writesOk);
        var reviewedBy = item.Text("reviewed_by");
        if (reviewedBy is not null && reviewedBy is not (Roles.Secretary or Roles.Supervisor))
        {
            errors.Add(item.Find("reviewed_by")!, $"{item.Where("reviewed_by")} 只能是 secretary（支部书记审核）或 supervisor（督导组审核），实际是“{reviewedBy}”。");
            reviewedBy = null;
        }

        var items = CampaignLists.Read(item, "items", "code", entry => ReadItem(entry, errors), errors);
        if (items.Count > MaxItems)
        {
            errors.Add(item.Find("items")!, $"{item.Where("items")} 有 {items.Count} 项，超过 {MaxItems} 项；手机上逐项填写太长，请合并相近的问题。");
        }

        return code is null || name is null || forRanks is null || !writesOk || reviewedBy is null || items.Count == 0
            ? null
            : new ChecklistDefinition(code, name, forRanks, writesReport, reviewedBy, items) { EnglishName = english };
    }

    private static ChecklistItem? ReadItem(CampaignYamlMap entry, CampaignErrorList errors)
    {
        var code = entry.Text("code");
        var group = entry.Text("group");
        var englishGroup = entry.English("group_en", CampaignYamlMap.MaxEnglishName);
        var prompt = entry.Text("prompt");
        var englishPrompt = entry.English("prompt_en", CampaignYamlMap.MaxEnglishText);
        var answer = entry.Text("answer");
        var required = entry.Bool("required");
        ChecklistAnswerKind? kind = null;
        if (answer is not null)
        {
            if (AnswerKinds.TryGetValue(answer, out var known))
            {
                kind = known;
            }
            else
            {
                errors.Add(entry.Find("answer")!, $"{entry.Where("answer")} 只能是 choice（存在/部分存在/不存在）、text（文字）或 both（选择加说明），实际是“{answer}”。");
            }
        }

        return code is null || group is null || prompt is null || kind is null || required is null
            ? null
            : new ChecklistItem(code, group, prompt, kind.Value, required.Value) { EnglishGroup = englishGroup, EnglishPrompt = englishPrompt };
    }

    /// <summary>The rank codes listed (empty when the key is absent: every rank); null after an error.</summary>
    private static List<string>? ReadRanks(CampaignYamlMap item, IReadOnlyList<string> ranks, CampaignErrorList errors)
    {
        var value = item.Find("ranks");
        if (value is null || CampaignYamlValues.IsNull(value))
        {
            return [];
        }

        if (value is not YamlSequenceNode list)
        {
            errors.Add(value, $"{item.Where("ranks")} 应为职级 code 的列表，例如 [county, section]，实际是{CampaignYamlValues.Describe(value)}。");
            return null;
        }

        var result = new List<string>();
        foreach (var child in list.Children)
        {
            if (child is YamlScalarNode { Value: { Length: > 0 } code } && ranks.Contains(code))
            {
                result.Add(code);
                continue;
            }

            var written = (child as YamlScalarNode)?.Value ?? CampaignYamlValues.Describe(child);
            errors.Add(child, $"{item.Where("ranks")} 中的“{written}”不是 ranks 里的职级 code；可用的是：{string.Join("、", ranks)}。");
            return null;
        }

        return result;
    }

    private static List<string> WrittenCodes(YamlNode? list) => list is YamlSequenceNode sequence
        ? [.. sequence.Children.OfType<YamlMappingNode>()
            .Select(item => item.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "code" }).Value)
            .OfType<YamlScalarNode>()
            .Select(code => code.Value)
            .OfType<string>()]
        : [];

    private static bool? ReadOptionalBool(CampaignYamlMap item, string key, CampaignErrorList errors, out bool ok)
    {
        ok = true;
        var value = item.Find(key);
        if (value is null || CampaignYamlValues.IsNull(value))
        {
            return null;
        }

        if (value is YamlScalarNode { Value: { } text } && bool.TryParse(text, out var flag))
        {
            return flag;
        }

        ok = false;
        errors.Add(value, $"{item.Where(key)} 应为 true、false 或 ~（不限），实际是“{(value as YamlScalarNode)?.Value}”。");
        return null;
    }

    private static void CheckCoverage(YamlNode node, List<ChecklistDefinition> checklists, IReadOnlyList<RankDefinition> ranks, IReadOnlyList<UnitKindDefinition> kinds, CampaignErrorList errors)
    {
        var missing = new List<string>();
        foreach (var writes in kinds.Select(k => k.WritesReport).Distinct())
        {
            foreach (var rank in ranks.Where(r => !checklists.Exists(c => c.AppliesTo(r.Code, writes))))
            {
                missing.Add($"{rank.Name}（{(writes ? "撰写对照检查材料的单位" : "不撰写对照检查材料的单位")}）");
            }
        }

        if (missing.Count > 0)
        {
            errors.Add(node, $"checklists 中没有适用于以下党员的检查表：{string.Join("、", missing)}；请补一张检查表，或在最后加一张不写 ranks 和 writes_report 的通用检查表。");
        }
    }
}
