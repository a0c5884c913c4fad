using System.Text;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Features.Study;

namespace CampaignBot.Features.Dashboard;

/// <summary>One download: a table the command line exports too, and who may have it.</summary>
internal sealed record DownloadKind(string Code, Text Name, bool OfficeOnly);

/// <summary>A file ready to send.</summary>
internal sealed record DownloadFile(string FileName, string ContentType, byte[] Content);

/// <summary>
/// Every export of the command line, as CSV or XLSX, holding only the units the viewer may see. The tables come from
/// the export code itself (CampaignTables, EvaluationReport, the export verbs' columns), so the files match the CLI's.
/// </summary>
internal sealed class DashboardDownloads(StoreBundle stores, CampaignDefinition campaign, CampaignTables tables, ISpreadsheetWriter spreadsheets, IEvaluationReportRenderer evaluations)
{
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static readonly IReadOnlyList<DownloadKind> Kinds =
    [
        new("examinations", new Text("对照检查", "Self-examinations"), false),
        new("pledges", new Text("公开承诺", "Pledges"), false),
        new("evaluations", new Text("群众评议", "Evaluations"), false),
        new("study", new Text("学习记录", "Study"), false),
        new("research", new Text("蹲点调研", "Field research"), false),
        new("visits", new Text("走访", "Household visits"), false),
        new("members", new Text("成员", "Members"), false),
        new("units", new Text("单位", "Units"), false),
        new("invites", new Text("邀请码", "Invite codes"), true),
        new("sessions", new Text("会话", "Conversations"), true),
    ];

    public static IEnumerable<DownloadKind> For(DashboardViewer viewer) =>
        Kinds.Where(k => !k.OfficeOnly || viewer.Scope.AllUnits);

    /// <summary>The file, or null when the kind or format is unknown or the viewer may not have it.</summary>
    public async Task<DownloadFile?> BuildAsync(DashboardViewer viewer, string code, string format, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        var kind = For(viewer).FirstOrDefault(k => k.Code == code);
        if (kind is null || format is not ("csv" or "xlsx") || !viewer.Scope.SeesAnything)
        {
            return null;
        }

        var scope = viewer.Scope;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);
        var table = code switch
        {
            "examinations" or "pledges" => await CampaignTableAsync(code, scope, cancellationToken),
            "evaluations" => null,
            "study" or "research" or "visits" => await ActivityTableAsync(code, scope, cancellationToken),
            "members" => ToTable("成员", (await stores.Members.ListAsync(null, cancellationToken)).Where(m => scope.CanSee(m.UnitId)), ExportCommand.MemberColumns(campaign, zone)),
            "units" => ToTable("单位", scope.Of(campaign), ExportCommand.UnitColumns(campaign)),
            "invites" => ToTable("邀请码", await stores.Invites.ListAsync(cancellationToken), ExportCommand.InviteColumns(campaign, zone)),
            "sessions" => ToTable("会话", await stores.Sessions.ListAsync(cancellationToken), ExportCommand.SessionColumns(zone)),
            _ => null,
        };
        var name = $"{code}-{now:yyyyMMdd}.{format}";
        if (code == "evaluations")
        {
            var rows = EvaluationReport.Rows([.. (await stores.EvaluationRounds.ListAsync(null, cancellationToken)).Where(r => scope.CanSee(r.UnitId))], new EvaluationText(campaign));
            return format == "csv"
                ? new DownloadFile(name, "text/csv; charset=utf-8", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(EvaluationReport.Csv(rows))])
                : new DownloadFile(name, Xlsx, evaluations.RenderSpreadsheet(rows));
        }

        return table is null ? null
            : format == "csv" ? new DownloadFile(name, "text/csv; charset=utf-8", table.ToCsv())
            : new DownloadFile(name, Xlsx, spreadsheets.ToXlsx(table));
    }

    /// <summary>The office's table is the whole campaign's; others get the table of each unit they see, one after another.</summary>
    private async Task<CampaignTable> CampaignTableAsync(string code, DashboardScope scope, CancellationToken cancellationToken)
    {
        if (scope.AllUnits)
        {
            return await tables.BuildAsync(code, null, cancellationToken);
        }

        CampaignTable? combined = null;
        var rows = new List<IReadOnlyList<string>>();
        foreach (var unit in scope.Of(campaign))
        {
            var part = await tables.BuildAsync(code, unit.Id, cancellationToken);
            combined ??= part;
            rows.AddRange(part.Rows);
        }

        return combined! with { Rows = rows };
    }

    private async Task<CampaignTable> ActivityTableAsync(string code, DashboardScope scope, CancellationToken cancellationToken)
    {
        var kind = code switch
        {
            "study" => ActivityKind.Study,
            "research" => ActivityKind.Research,
            _ => ActivityKind.Visit,
        };
        var columns = await StudyExportCommand.ColumnsAsync(kind, campaign, stores, cancellationToken);
        var entries = (await stores.ActivityLog.ListAsync(null, null, kind, cancellationToken)).Where(e => scope.CanSee(e.UnitId));
        return ToTable(kind.ToString(), entries, columns);
    }

    /// <summary>The export verbs' columns as a table, with the CSV writer's formatting of each value.</summary>
    private static CampaignTable ToTable<TRow>(string name, IEnumerable<TRow> rows, IReadOnlyList<ExportColumn<TRow>> columns) =>
        new(name, [.. columns.Select(c => c.Header)], [.. rows.Select(row => (IReadOnlyList<string>)[.. columns.Select(c => TableExport.Format(c.Value(row)))])]);
}
