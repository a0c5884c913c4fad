using System.Text;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Core.Storage;
using CampaignBot.Features.Progress;

namespace CampaignBot.Features.Ledger;

/// <summary>campaignbot export opinions|ledger [--format csv|xlsx] [--unit 单位ID] [--out 文件]: the same tables as /export in chat.</summary>
public static class OpinionLedgerExportCommand
{
    public static bool Handles(string? kind) => kind is "opinions" or "ledger";

    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(stores);
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

        var table = await new OpinionAndLedgerTables(new LedgerTable(stores.Ledger, campaign), new OpinionTable(stores.Opinions, campaign)).BuildAsync(kind, unit, cancellationToken);
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
