using MiniExcelLibs;

namespace CampaignBot.Features.Organisation;

/// <summary>Reads the first sheet of an XLSX file, or a CSV file, as rows of cell texts (row 1 is the header), with MiniExcel.</summary>
public static class SpreadsheetFile
{
    public static List<IReadOnlyList<string?>> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new CliException($"找不到文件 {Path.GetFullPath(path)}。");
        }

        var type = TypeOf(path);
        var rows = new List<IReadOnlyList<string?>>();
        try
        {
            foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: type))
            {
                rows.Add([.. row.Values.Select(Text)]);
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or FormatException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new CliException($"无法读取 {Path.GetFileName(path)}：{ex.Message}。请确认它是 .xlsx 或 UTF-8 编码的 .csv 文件。");
        }

        return rows;
    }

    /// <summary>Writes a sheet (header row first) as XLSX or CSV by the file's extension; used for templates and test files.</summary>
    public static void Write(string path, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<object?>> rows)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        Directory.CreateDirectory(folder!);
        var sheet = rows.Select(row =>
        {
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < row.Count ? row[i] : null;
            }

            return cells;
        });
        MiniExcel.SaveAs(path, sheet, printHeader: true, excelType: TypeOf(path), overwriteFile: true);
    }

    private static ExcelType TypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xlsx" => ExcelType.XLSX,
        ".csv" => ExcelType.CSV,
        var other => throw new CliException($"只能读写 .xlsx 或 .csv 文件，收到 '{other}'。"),
    };

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : d.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.###############", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
