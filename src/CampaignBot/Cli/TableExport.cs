using System.Text;
using System.Text.Json;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Cli;

/// <summary>A column of an export: a stable key for JSON, a Chinese header for CSV.</summary>
public sealed record ExportColumn<T>(string Key, string Header, Func<T, object?> Value);

/// <summary>Writes rows as CSV (RFC 4180, Chinese headers) or JSON (an array of objects).</summary>
public static class TableExport
{
    public static string ToCsv<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var text = new StringBuilder();
        text.AppendJoin(',', columns.Select(c => Quote(c.Header))).Append("\r\n");
        foreach (var row in rows)
        {
            text.AppendJoin(',', columns.Select(c => Quote(Format(c.Value(row))))).Append("\r\n");
        }

        return text.ToString();
    }

    public static string ToJson<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var objects = rows.Select(row => columns.ToDictionary(c => c.Key, c => c.Value(row)));
        return JsonSerializer.Serialize(objects, new JsonSerializerOptions(MessageJson.Options) { WriteIndented = true });
    }

    internal static string Format(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset time => time.ToString("yyyy-MM-dd HH:mm:ss zzz", System.Globalization.CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>Quotes a field when it needs it; a leading =, +, - or @ is defused so spreadsheets don't run it as a formula.</summary>
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            value = "'" + value;
        }

        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
