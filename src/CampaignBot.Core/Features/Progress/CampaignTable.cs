namespace CampaignBot.Core.Features.Progress;

/// <summary>
/// A table for export: a Chinese sheet name, Chinese headers and text cells. Every export — the command line's,
/// the chat's /export and the /results spreadsheet — is one of these, written by the one <see cref="ITableWriter"/>.
/// </summary>
public sealed record CampaignTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm";

    public static string Time(DateTimeOffset? value, TimeZoneInfo zone) =>
        value is { } v ? TimeZoneInfo.ConvertTime(v, zone).ToString(TimeFormat, CultureInfo.InvariantCulture) : string.Empty;

    /// <summary>One value as a cell: times in the campaign's zone to the minute, dates as yyyy-MM-dd, numbers invariant, yes/no in Chinese.</summary>
    public static string Cell(object? value, TimeZoneInfo zone) => value switch
    {
        null => string.Empty,
        string text => text,
        DateTimeOffset time => Time(time, zone),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool yes => yes ? "是" : "否",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>
    /// A cell that a spreadsheet would run as a formula (it starts with =, +, -, @, a tab or a carriage return) gets a
    /// leading apostrophe; a plain number such as -3 stays as it is.
    /// </summary>
    public static string Defuse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value;
        }

        return decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _) ? value : "'" + value;
    }
}

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a table as CSV (UTF-8 with a byte order mark, CRLF) or XLSX (one sheet named after the table), defusing
/// formula-looking cells; the host provides it (MiniExcel), Core only asks for it.
/// </summary>
public interface ITableWriter
{
    byte[] Write(CampaignTable table, TableFormat format);
}

/// <summary>Tables that other features contribute to /export (opinions, the ledger): their kinds and how to build one for a unit, or all (null).</summary>
public interface ITableSource
{
    IReadOnlyList<string> Kinds { get; }

    Task<CampaignTable> BuildAsync(string kind, string? unitId, CancellationToken cancellationToken);
}
