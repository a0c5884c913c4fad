namespace CampaignBot.Core.Features.Organisation;

/// <summary>A column an import reads: its field name, whether it must be there, and the headers that name it (Chinese or English).</summary>
public sealed record SheetField(string Name, string Label, bool Required, params string[] Headers);

/// <summary>Where a field sits in the file: the column letter as the spreadsheet shows it and the header as written.</summary>
public sealed record SheetColumn(string Letter, string Header);

/// <summary>A data row, numbered as the spreadsheet shows it (the header is row 1), with its cells by field name.</summary>
public sealed record SheetRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string? this[string field] => Cells.TryGetValue(field, out var value) && value.Length > 0 ? value : null;
}

/// <summary>Something wrong in an import: the row (1 for the header), the field when one cell is at fault, what is wrong.</summary>
public sealed record ImportProblem(int Row, string? Field, string Message);

/// <summary>
/// A spreadsheet or CSV as an import reads it: headers matched to fields (Chinese or English, case and spaces ignored),
/// cells trimmed, empty rows dropped. Headers that name no field are ignored; a missing required column is a problem.
/// </summary>
public sealed class ImportSheet
{
    private readonly Dictionary<string, SheetColumn> _columns;
    private readonly IReadOnlyList<SheetField> _fields;

    private ImportSheet(IReadOnlyList<SheetField> fields, Dictionary<string, SheetColumn> columns, List<SheetRow> rows, List<ImportProblem> problems)
    {
        _fields = fields;
        _columns = columns;
        Rows = rows;
        Problems = problems;
    }

    public IReadOnlyList<SheetRow> Rows { get; }

    /// <summary>Problems with the header row itself (missing or repeated columns).</summary>
    public IReadOnlyList<ImportProblem> Problems { get; }

    /// <summary>Reads <paramref name="rows"/>: the first is the header row, the rest are data (row 2 onwards).</summary>
    public static ImportSheet Read(IReadOnlyList<SheetField> fields, IReadOnlyList<IReadOnlyList<string?>> rows)
    {
        ArgumentNullException.ThrowIfNull(fields);
        ArgumentNullException.ThrowIfNull(rows);
        var problems = new List<ImportProblem>();
        var columns = new Dictionary<string, SheetColumn>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        var header = rows.Count > 0 ? rows[0] : [];
        for (var i = 0; i < header.Count; i++)
        {
            var text = Normalise(header[i]);
            if (text.Length == 0 || fields.FirstOrDefault(f => f.Headers.Any(h => Normalise(h) == text)) is not { } field)
            {
                continue;
            }

            if (!indexes.TryAdd(field.Name, i))
            {
                problems.Add(new ImportProblem(1, null, $"第 1 行：{Letter(i)} 列和 {Letter(indexes[field.Name])} 列都是“{field.Label}”，请只保留一列。"));
                continue;
            }

            columns[field.Name] = new SheetColumn(Letter(i), header[i]!.Trim());
        }

        foreach (var missing in fields.Where(f => f.Required && !indexes.ContainsKey(f.Name)))
        {
            problems.Add(new ImportProblem(1, null, $"第 1 行（表头）：缺少“{missing.Label}”列；表头可写：{string.Join("、", missing.Headers.Take(3))}。"));
        }

        var data = new List<SheetRow>();
        for (var r = 1; r < rows.Count; r++)
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, index) in indexes)
            {
                cells[name] = index < rows[r].Count ? (rows[r][index] ?? string.Empty).Trim() : string.Empty;
            }

            if (cells.Values.Any(v => v.Length > 0))
            {
                data.Add(new SheetRow(r + 1, cells));
            }
        }

        return new ImportSheet(fields, columns, data, problems);
    }

    /// <summary>"第 5 行 D 列（上级单位）：…", the way a secretary finds the cell.</summary>
    public string Describe(ImportProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem.Field is null)
        {
            return problem.Message.StartsWith('第') ? problem.Message : $"第 {problem.Row} 行：{problem.Message}";
        }

        var label = _fields.FirstOrDefault(f => f.Name == problem.Field)?.Label ?? problem.Field;
        return _columns.TryGetValue(problem.Field, out var column)
            ? $"第 {problem.Row} 行 {column.Letter} 列（{label}）：{problem.Message}"
            : $"第 {problem.Row} 行（{label}）：{problem.Message}";
    }

    public static string Letter(int index)
    {
        var letters = string.Empty;
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters = (char)('A' + ((n - 1) % 26)) + letters;
        }

        return letters;
    }

    private static string Normalise(string? header) =>
        new string((header ?? string.Empty).Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-' or '（' or '）' or '(' or ')' or '\uFEFF')).ToArray())
            .ToLower(CultureInfo.InvariantCulture);
}
