using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Features.Dashboard;

/// <summary>A file ready to send.</summary>
internal sealed record DownloadFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Every export of the command line (<see cref="ExportCommand.All"/>: each feature's kinds), as CSV or XLSX through
/// the one table writer, holding only the units the viewer may see. Rows are kept by their 单位ID column (names are not
/// unique: two units may share one); a kind whose table has no 单位ID (invites, conversations) is for the office only.
/// </summary>
internal sealed class DashboardDownloads(StoreBundle stores, CampaignDefinition campaign, ITableWriter writer)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string UnitIdHeader = "单位ID";

    /// <summary>Kinds whose rows carry no unit: only the office may have them.</summary>
    private static readonly HashSet<string> OfficeOnly = new(StringComparer.Ordinal) { "invites", "sessions" };

    /// <summary>The kinds the viewer may have: none for a viewer who sees no unit, since every file would be refused.</summary>
    public static IEnumerable<ExportKind> For(DashboardViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.Scope.SeesAnything ? ExportCommand.All.Where(k => viewer.Scope.AllUnits || !OfficeOnly.Contains(k.Name)) : [];
    }

    public static bool Exists(string code) => ExportCommand.All.Any(k => k.Name == code);

    /// <summary>The file, or null when the viewer may not have this kind.</summary>
    public async Task<DownloadFile?> BuildAsync(DashboardViewer viewer, string code, string format, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var kind = For(viewer).FirstOrDefault(k => k.Name == code);
        if (kind is null || format is not ("csv" or "xlsx"))
        {
            return null;
        }

        var table = (await kind.BuildAsync(new ExportRequest(campaign, stores, null), cancellationToken)).Table;
        if (!viewer.Scope.AllUnits)
        {
            table = Keep(table, viewer.Scope);
            if (table is null)
            {
                return null;
            }
        }

        var name = $"{code}-{now:yyyyMMdd}.{format}";
        return format == "csv"
            ? new DownloadFile(name, "text/csv; charset=utf-8", writer.Write(table, TableFormat.Csv))
            : new DownloadFile(name, Xlsx, writer.Write(table, TableFormat.Xlsx));
    }

    /// <summary>The rows of units in scope; null when the table has no unit column to tell.</summary>
    private static CampaignTable? Keep(CampaignTable table, DashboardScope scope)
    {
        var idColumn = IndexOf(table, UnitIdHeader);
        return idColumn < 0 ? null : table with { Rows = [.. table.Rows.Where(row => idColumn < row.Count && scope.CanSee(row[idColumn]))] };
    }

    private static int IndexOf(CampaignTable table, string header)
    {
        for (var i = 0; i < table.Headers.Count; i++)
        {
            if (table.Headers[i] == header)
            {
                return i;
            }
        }

        return -1;
    }
}
