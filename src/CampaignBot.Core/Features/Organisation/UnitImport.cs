namespace CampaignBot.Core.Features.Organisation;

/// <summary>What a unit import would do (or did): counts by kind of change and the units to write.</summary>
public sealed record UnitImportPlan(
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<StoredUnit> Changed,
    int Added,
    int Updated,
    int Deactivated,
    int Unchanged)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// A unit import (units.xlsx / units.csv): id, name, kind, parent, start (a date or a number of days after the campaign's
/// start), linked group and WeCom department, optional. The whole file is checked before anything is written. A re-import
/// updates names and parents, adds new units, and marks units it leaves out inactive (never deletes them).
/// </summary>
public static class UnitImport
{
    public const string Id = "id";
    public const string Name = "name";
    public const string Kind = "kind";
    public const string Parent = "parent";
    public const string Start = "start";
    public const string Group = "group";
    public const string Department = "department";

    public const int MaxIdLength = 64;
    public const int MaxNameLength = 60;

    public static readonly IReadOnlyList<SheetField> Fields =
    [
        new(Id, "单位ID", true, "单位ID", "id", "单位编号", "编号", "unit_id"),
        new(Name, "单位名称", true, "单位名称", "name", "名称", "单位"),
        new(Kind, "类型", true, "类型", "kind", "单位类型"),
        new(Parent, "上级单位ID", false, "上级单位ID", "parent", "上级单位", "上级", "parent_id"),
        new(Start, "开始", false, "开始日期或天数", "start", "开始日期", "开始", "start_offset", "开始天数"),
        new(Group, "关联群", false, "关联群", "group", "linked_group", "单位群", "群"),
        new(Department, "企业微信部门ID", false, "企业微信部门ID", "department", "department_id", "wecom_department", "部门ID"),
    ];

    public static UnitImportPlan Plan(ImportSheet sheet, CampaignDefinition campaign, IReadOnlyList<StoredUnit> stored, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(sheet);
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(stored);
        var problems = new List<ImportProblem>(sheet.Problems);
        if (problems.Count > 0)
        {
            return new UnitImportPlan(problems, [], 0, 0, 0, 0);
        }

        if (sheet.Rows.Count == 0)
        {
            return new UnitImportPlan([new ImportProblem(1, null, "文件里没有单位（表头下面是空的）。")], [], 0, 0, 0, 0);
        }

        var kindNames = string.Join("、", campaign.UnitKinds.Select(k => $"{k.Code}（{k.Name}）"));
        var storedById = stored.ToDictionary(u => u.Id, StringComparer.Ordinal);
        var fileIds = campaign.FileUnits.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        var rowsById = new Dictionary<string, SheetRow>(StringComparer.Ordinal);
        var departments = new Dictionary<string, int>(StringComparer.Ordinal);
        var read = new List<(SheetRow Row, StoredUnit Unit)>();
        foreach (var row in sheet.Rows)
        {
            var id = row[Id];
            var name = row[Name];
            var kind = row[Kind];
            var ok = true;
            if (id is null)
            {
                problems.Add(new ImportProblem(row.Number, Id, "单位ID不能为空。"));
                ok = false;
            }
            else if (id.Length > MaxIdLength || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
            {
                problems.Add(new ImportProblem(row.Number, Id, $"单位ID “{Short(id)}” 不能含空格，且不超过 {MaxIdLength} 个字符。"));
                ok = false;
            }
            else if (!rowsById.TryAdd(id, row))
            {
                problems.Add(new ImportProblem(row.Number, Id, $"单位ID “{id}” 重复：第 {rowsById[id].Number} 行已经用过。"));
                ok = false;
            }

            if (name is null)
            {
                problems.Add(new ImportProblem(row.Number, Name, "单位名称不能为空。"));
                ok = false;
            }
            else if (name.Length > MaxNameLength || name.Any(char.IsControl))
            {
                problems.Add(new ImportProblem(row.Number, Name, $"单位名称太长或含有不可见字符（不超过 {MaxNameLength} 个字）。"));
                ok = false;
            }

            var kindDefinition = kind is null ? null : campaign.UnitKinds.FirstOrDefault(k => k.Code == kind || k.IsCalled(kind));
            if (kindDefinition is null)
            {
                problems.Add(new ImportProblem(row.Number, Kind, kind is null
                    ? $"类型不能为空；可用的有：{kindNames}。"
                    : $"类型 “{Short(kind)}” 不认识；可用的有：{kindNames}。"));
                ok = false;
            }

            var (date, offset) = ReadStart(row, campaign, problems, ref ok);
            var department = row[Department];
            if (department is not null && !departments.TryAdd(department, row.Number))
            {
                problems.Add(new ImportProblem(row.Number, Department, $"企业微信部门ID {Short(department)} 重复：第 {departments[department]} 行已经用过。"));
                ok = false;
            }

            if (ok)
            {
                read.Add((row, new StoredUnit
                {
                    Id = id!,
                    Name = name!,
                    Kind = kindDefinition!.Code,
                    ParentId = row[Parent],
                    Start = date,
                    StartOffsetDays = offset,
                    LinkedGroup = row[Group],
                    WeComDepartmentId = department,
                    Active = true,
                    UpdatedAt = now,
                }));
            }
        }

        var known = new HashSet<string>(rowsById.Keys, StringComparer.Ordinal);
        known.UnionWith(fileIds);
        known.UnionWith(storedById.Keys);
        foreach (var row in sheet.Rows)
        {
            if (row[Parent] is { } parent && !known.Contains(parent))
            {
                problems.Add(new ImportProblem(row.Number, Parent, $"上级单位 “{Short(parent)}” 不存在：它不在本文件、活动配置或已导入的单位中。"));
            }
            else if (row[Parent] is { } self && self == row[Id])
            {
                problems.Add(new ImportProblem(row.Number, Parent, "上级单位不能是它自己。"));
            }
        }

        FindCycles(read, campaign, storedById, problems);
        if (problems.Count > 0)
        {
            return new UnitImportPlan([.. problems.OrderBy(p => p.Row)], [], 0, 0, 0, 0);
        }

        var changed = new ImportTally<StoredUnit>();
        var deactivated = 0;
        foreach (var (_, row) in read)
        {
            var unit = row;
            if (storedById.TryGetValue(row.Id, out var earlier))
            {
                // A synced unit listed in the import stays the sync's, and keeps its department unless the file names one.
                unit = row with { Source = earlier.Source, WeComDepartmentId = row.WeComDepartmentId ?? earlier.WeComDepartmentId };
            }

            changed.Count(storedById.GetValueOrDefault(unit.Id), unit);
        }

        // Only units an import made are the import's to retire; the address book sync keeps its own.
        foreach (var left in stored.Where(u => u.Active && u.Source == StoredUnit.FromImport && !rowsById.ContainsKey(u.Id)))
        {
            deactivated++;
            changed.Write(left with { Active = false, UpdatedAt = now });
        }

        return new UnitImportPlan([], changed.Changed, changed.Added, changed.Updated, deactivated, changed.Unchanged);
    }

    private static (DateOnly? Date, int? Offset) ReadStart(SheetRow row, CampaignDefinition campaign, List<ImportProblem> problems, ref bool ok)
    {
        if (row[Start] is not { } text)
        {
            return (null, null);
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
        {
            if (offset < 0 || campaign.Start.AddDays(offset).AddMonths(campaign.MinimumUnitMonths) > campaign.End.AddDays(1))
            {
                problems.Add(new ImportProblem(row.Number, Start, $"开始天数 {offset} 不行：单位要在活动结束（{campaign.End:yyyy-MM-dd}）前至少开展 {campaign.MinimumUnitMonths} 个月，且不能为负数。"));
                ok = false;
            }

            return (null, offset);
        }

        if (!DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyy年M月d日"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            problems.Add(new ImportProblem(row.Number, Start, $"“{Short(text)}” 不是日期（如 2027-02-15）也不是天数（如 15）。"));
            ok = false;
            return (null, null);
        }

        if (date < campaign.Start || date.AddMonths(campaign.MinimumUnitMonths) > campaign.End.AddDays(1))
        {
            problems.Add(new ImportProblem(row.Number, Start, $"开始日期 {date:yyyy-MM-dd} 不行：要在活动开始（{campaign.Start:yyyy-MM-dd}）之后，且到活动结束（{campaign.End:yyyy-MM-dd}）至少 {campaign.MinimumUnitMonths} 个月。"));
            ok = false;
        }

        return (date, null);
    }

    /// <summary>Follows each row's parent chain through the file, the stored units and the campaign file; a loop is refused at every row on it.</summary>
    private static void FindCycles(List<(SheetRow Row, StoredUnit Unit)> read, CampaignDefinition campaign, Dictionary<string, StoredUnit> stored, List<ImportProblem> problems)
    {
        var parents = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var unit in campaign.FileUnits)
        {
            parents[unit.Id] = unit.ParentId;
        }

        foreach (var unit in stored.Values)
        {
            parents[unit.Id] = unit.ParentId;
        }

        foreach (var (_, unit) in read)
        {
            parents[unit.Id] = unit.ParentId;
        }

        foreach (var (row, unit) in read)
        {
            var path = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (string? at = unit.Id; at is not null && parents.ContainsKey(at); at = parents[at])
            {
                if (!seen.Add(at))
                {
                    if (at == unit.Id)
                    {
                        path.Add(at);
                        problems.Add(new ImportProblem(row.Number, Parent, $"上级关系形成了循环：{string.Join(" → ", path)}。"));
                    }

                    break;
                }

                path.Add(at);
            }
        }
    }

    private static string Short(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
