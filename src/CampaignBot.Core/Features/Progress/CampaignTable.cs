using System.Globalization;
using System.Text;

namespace CampaignBot.Core.Features.Progress;

/// <summary>A table for export: Chinese headers and text cells, the same for CSV, XLSX and the chat document.</summary>
public sealed record CampaignTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>RFC 4180 CSV with a byte order mark, so spreadsheet programs read the Chinese text correctly.</summary>
    public byte[] ToCsv()
    {
        var text = new StringBuilder();
        foreach (var row in Rows.Prepend(Headers))
        {
            text.AppendJoin(',', row.Select(Quote)).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    public static string Time(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>A leading =, +, - or @ is defused so that spreadsheets don't run a cell as a formula.</summary>
    public static string Defuse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && value[0] is '=' or '+' or '-' or '@' ? "'" + value : value;
    }

    private static string Quote(string value)
    {
        value = Defuse(value);
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}

/// <summary>Writes a table as an XLSX workbook; the host provides it (MiniExcel), Core only asks for it.</summary>
public interface ISpreadsheetWriter
{
    byte[] ToXlsx(CampaignTable table);
}

/// <summary>Tables that other features contribute to /export (opinions, the ledger): their kinds and how to build one for a unit, or all (null).</summary>
public interface ITableSource
{
    IReadOnlyList<string> Kinds { get; }

    Task<CampaignTable> BuildAsync(string kind, string? unitId, CancellationToken cancellationToken);
}
