using System.Text;
using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Storage;

namespace CampaignBot.Features.Evaluations;

/// <summary>campaignbot export evaluations [--format csv|xlsx] [--out file]: every unit's stages, by their latest round.</summary>
public static class EvaluationExportCommand
{
    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(output);
        var format = (args.Option("format") ?? "csv").ToLowerInvariant();
        if (format is not ("csv" or "xlsx"))
        {
            throw new CliException($"评议结果只能导出为 csv 或 xlsx，收到 '{format}'。");
        }

        var rows = EvaluationReport.Rows(await stores.EvaluationRounds.ListAsync(null, cancellationToken), new EvaluationText(campaign));
        var file = args.Option("out");
        if (format == "xlsx")
        {
            if (file is null)
            {
                throw new CliException("xlsx 是二进制文件，请用 --out 指定保存位置，例如 --out evaluations.xlsx。");
            }

            await WriteAsync(file, new EvaluationReportRenderer().RenderSpreadsheet(rows), cancellationToken);
            return 0;
        }

        var csv = EvaluationReport.Csv(rows);
        if (file is null)
        {
            await output.WriteAsync(csv);
            return 0;
        }

        // A byte order mark lets spreadsheet programs read the Chinese text of a CSV correctly.
        await WriteAsync(file, [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)], cancellationToken);
        return 0;
    }

    private static async Task WriteAsync(string file, byte[] content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await File.WriteAllBytesAsync(file, content, cancellationToken);
        await Console.Error.WriteLineAsync($"已导出到 {Path.GetFullPath(file)}");
    }
}
