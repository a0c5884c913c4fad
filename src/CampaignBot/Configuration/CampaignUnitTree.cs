namespace CampaignBot.Configuration;

/// <summary>
/// The <c>units:</c> section: a flat list whose <c>parent</c> links form a tree. Checks kinds, parents and
/// cycles, then resolves each unit's start date and checks that its activity fits in the campaign.
/// </summary>
internal static class CampaignUnitTree
{
    public static List<UnitDefinition> Read(
        CampaignYamlMap top,
        CampaignHeader? header,
        IReadOnlyList<UnitKindDefinition> kinds,
        ISet<string> kindCodes,
        IReadOnlyList<PhaseDefinition> phases,
        CampaignErrorList errors)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var units = CampaignLists.Read(top, "units", "id", ReadUnit, errors, ids);
        var byId = new Dictionary<string, CampaignRawUnit>(StringComparer.Ordinal);
        foreach (var unit in units)
        {
            byId.TryAdd(unit.Id, unit);
        }

        var kindByCode = kinds.GroupBy(k => k.Code).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        CheckKindsAndParents(units, ids, kindCodes, errors);
        var broken = CampaignUnitCycles.Find(units, byId, errors);
        if (header is null)
        {
            return [];
        }

        var resolver = new CampaignUnitStarts(header, byId, kindByCode, broken);
        var resolved = new List<UnitDefinition>();
        foreach (var unit in units)
        {
            if (unit.Start is { } explicitStart && !header.Contains(explicitStart))
            {
                errors.Add(unit.Map.Find("start")!, $"单位 {unit.Id} 的 start（{explicitStart:yyyy-MM-dd}）不在活动时间 {header.Span} 之内。");
                continue;
            }

            if (resolver.StartOf(unit) is not { } start)
            {
                continue;
            }

            if (!header.Contains(start))
            {
                // Inherited from a superior's start or a kind's start_offset_days, so it is said where the unit is.
                errors.Add(unit.Map.Node, $"单位 {unit.Id} 按上级的 start 和 unit_kinds 的 start_offset_days 推算，从 {start:yyyy-MM-dd} 开始，不在活动时间 {header.Span} 之内；请为它写 start，或改正上级的 start 或 start_offset_days。");
                continue;
            }

            CheckDuration(unit, start, header, phases, errors);
            resolved.Add(new UnitDefinition(unit.Id, unit.Name, unit.Kind, unit.ParentId, start, unit.OrdinaryStudyDays) { EnglishName = unit.EnglishName });
        }

        return resolved;
    }

    private static CampaignRawUnit? ReadUnit(CampaignYamlMap item)
    {
        var id = item.Text("id");
        var name = item.Text("name");
        var english = item.EnglishName();
        var kind = item.Text("kind");
        var parent = item.Text("parent", required: false);
        var start = item.Date("start", required: false);
        var ordinaryStudyDays = item.Int("ordinary_study_days", minimum: 0, required: false);
        return id is null || name is null || kind is null ? null : new CampaignRawUnit(id, name, kind, parent, start, item, ordinaryStudyDays, english);
    }

    private static void CheckKindsAndParents(
        List<CampaignRawUnit> units,
        ISet<string> ids,
        ISet<string> kindCodes,
        CampaignErrorList errors)
    {
        foreach (var unit in units)
        {
            if (kindCodes.Count > 0 && !kindCodes.Contains(unit.Kind))
            {
                errors.Add(unit.Map.Find("kind")!, $"单位 {unit.Id} 的 kind “{unit.Kind}” 不在 unit_kinds 中；可用的有：{string.Join("、", kindCodes)}。");
            }

            if (unit.ParentId is { } parent && !ids.Contains(parent))
            {
                errors.Add(unit.Map.Find("parent")!, $"单位 {unit.Id} 的 parent “{parent}” 不存在；上级单位也必须写在 units 中，这里写它的 id。");
            }
        }
    }

    private static void CheckDuration(CampaignRawUnit unit, DateOnly start, CampaignHeader header, IReadOnlyList<PhaseDefinition> phases, CampaignErrorList errors)
    {
        var where = unit.Map.Find("start") ?? unit.Map.Node;
        var months = header.MinimumUnitMonths;
        if (CampaignHeader.ShorterThan(start, header.End, months))
        {
            errors.Add(where, $"单位 {unit.Id} 从 {start:yyyy-MM-dd} 开始，到活动结束（{header.End:yyyy-MM-dd}）不足 {months} 个月；每个单位集中开展活动至少 {months} 个月，请提前该单位或其上级的 start，或推迟 campaign 的 end。");
            return;
        }

        // Counted in whole days, not dates: phases of absurd length are refused here, never thrown past the last date there is.
        var days = phases.Sum(p => (long)p.Days);
        if (days > 0 && start.DayNumber + days - 1 > header.End.DayNumber)
        {
            var ends = start.DayNumber + days - 1 <= DateOnly.MaxValue.DayNumber ? start.AddDays((int)(days - 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "9999-12-31 以后";
            errors.Add(where, $"单位 {unit.Id} 从 {start:yyyy-MM-dd} 开始，{phases.Count} 个环节共 {days} 天，将在 {ends} 结束，晚于活动结束日期 {header.End:yyyy-MM-dd}；请缩短 phases 的 days 或调整日期。");
        }
    }
}

/// <summary>A unit as written in the file, before its start date is resolved.</summary>
internal sealed record CampaignRawUnit(string Id, string Name, string Kind, string? ParentId, DateOnly? Start, CampaignYamlMap Map, int? OrdinaryStudyDays = null, string? EnglishName = null);
