using System.Text.Json;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Exports;

/// <summary>A column of an export built from records: a stable key for JSON, a Chinese header for the table.</summary>
public sealed record ExportColumn<T>(string Key, string Header, Func<T, object?> Value);

public static class ExportColumns
{
    /// <summary>The rows as a table: every value formatted by <see cref="CampaignTable.Cell"/> in the campaign's time zone.</summary>
    public static CampaignTable Table<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        return new CampaignTable(name, [.. columns.Select(c => c.Header)], [.. rows.Select(row => (IReadOnlyList<string>)[.. columns.Select(c => CampaignTable.Cell(c.Value(row), zone))])]);
    }

    /// <summary>The rows as a JSON array of objects keyed by the columns' keys, values as they are.</summary>
    public static string Json<T>(IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var objects = rows.Select(row => columns.ToDictionary(c => c.Key, c => c.Value(row)));
        return JsonSerializer.Serialize(objects, new JsonSerializerOptions(MessageJson.Options) { WriteIndented = true });
    }
}
