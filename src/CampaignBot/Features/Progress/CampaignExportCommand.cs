using System.Text;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Storage;
using MiniExcelLibs;

namespace CampaignBot.Features.Progress;

/// <summary>
/// campaignbot export examinations|pledges [--format csv|xlsx] [--unit 单位ID] [--out 文件]: the campaign's own tables
/// (the same as /export in chat). CSV goes to standard output unless --out is given; XLSX is written to a file.
/// </summary>
public static class CampaignExportCommand
{
    public static bool Handles(string? kind) => kind is not null && CampaignTables.Kinds.Contains(kind.ToLowerInvariant());

    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var kind = args.Word(1)!.ToLowerInvariant();
        var format = (args.Option("format") ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliException($"export {kind} 的 --format 只能是 csv 或 xlsx，收到 '{format}'。");
        }

        var unit = args.Option("unit");
        if (unit is not null && campaign.FindUnit(unit) is null)
        {
            throw new CliException($"单位 '{unit}' 不在活动配置中；可用 export units 查看单位ID。");
        }

        var table = await new CampaignTables(stores.Members, stores.Examinations, stores.Pledges, campaign, new CampaignCalendar(campaign)).BuildAsync(kind, unit, cancellationToken);
        if (format == "csv" && args.Option("out") is null)
        {
            await output.WriteAsync(Encoding.UTF8.GetString(table.ToCsv().AsSpan(Encoding.UTF8.Preamble.Length)));
            return 0;
        }

        var bytes = format == "csv" ? table.ToCsv() : new MiniExcelSpreadsheetWriter().ToXlsx(table);
        var file = Path.GetFullPath(args.Option("out") ?? Path.Combine("data", "exports", $"{kind}-{unit ?? "all"}.{format}"));
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllBytesAsync(file, bytes, cancellationToken);
        await output.WriteLineAsync($"已导出 {table.Rows.Count} 行到 {file}");
        return 0;
    }
}

/// <summary>XLSX through MiniExcel: one sheet named after the table, the Chinese headers as the first row.</summary>
public sealed class MiniExcelSpreadsheetWriter : ISpreadsheetWriter
{
    public byte[] ToXlsx(CampaignTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var rows = table.Rows.Select(row => (IDictionary<string, object?>)table.Headers
            .Select((header, i) => (header, value: (object?)CampaignTable.Defuse(i < row.Count ? row[i] : string.Empty)))
            .ToDictionary(x => x.header, x => x.value)).ToList();
        if (rows.Count == 0)
        {
            // An empty table still shows its headers.
            rows.Add(table.Headers.ToDictionary(h => h, _ => (object?)string.Empty));
        }

        using var stream = new MemoryStream();
        stream.SaveAs(rows, sheetName: table.Name, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
