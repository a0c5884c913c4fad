using System.Data;
using CampaignBot.Core.Features.Progress;
using MiniExcelLibs;

namespace CampaignBot.Exports;

/// <summary>
/// The one writer of every export: CSV (RFC 4180, UTF-8 with a byte order mark so spreadsheet programs read the
/// Chinese text, CRLF line ends) and XLSX (MiniExcel, one sheet named after the table, the headers as the first
/// row). In both, a cell that looks like a formula is defused.
/// </summary>
public sealed class TableWriter : ITableWriter
{
    public static TableWriter Instance { get; } = new();

    public byte[] Write(CampaignTable table, TableFormat format)
    {
        ArgumentNullException.ThrowIfNull(table);
        return format switch
        {
            TableFormat.Csv => [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(Csv(table))],
            TableFormat.Xlsx => Xlsx(table),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown table format."),
        };
    }

    /// <summary>The CSV text without the byte order mark, for standard output.</summary>
    public static string Csv(CampaignTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var text = new StringBuilder();
        foreach (var row in table.Rows.Prepend(table.Headers))
        {
            text.AppendJoin(',', Cells(row, table.Headers.Count).Select(Quote)).Append("\r\n");
        }

        return text.ToString();
    }

    private static byte[] Xlsx(CampaignTable table)
    {
        // A DataTable keeps the header row even when there are no rows.
        using var sheet = new DataTable(table.Name) { Locale = System.Globalization.CultureInfo.InvariantCulture };
        foreach (var header in table.Headers)
        {
            sheet.Columns.Add(header, typeof(string));
        }

        foreach (var row in table.Rows)
        {
            sheet.Rows.Add([.. Cells(row, table.Headers.Count)]);
        }

        using var stream = new MemoryStream();
        stream.SaveAs(sheet, sheetName: table.Name, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>A row's cells, defused, padded or cut to the header's width.</summary>
    private static IEnumerable<string> Cells(IReadOnlyList<string> row, int width) =>
        Enumerable.Range(0, width).Select(i => CampaignTable.Defuse(i < row.Count ? row[i] ?? string.Empty : string.Empty));

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
