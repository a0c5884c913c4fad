using CampaignBot.Cli;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Storage;
using CampaignBot.Features.Progress;
using Microsoft.Extensions.Options;

namespace CampaignBot.Features.Bulletins;

/// <summary>
/// campaignbot bulletin --month 2027-03 [--out 文件]: the month's bulletin as the office sees it, on standard output; with
/// --out, the XLSX to that file (and the PNG chart beside it).
/// </summary>
public static class BulletinCliCommand
{
    public static async Task<int> RunAsync(CliArguments args, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var month = args.Option("month");
        if (!BulletinBuilder.TryParseMonth(month, out _))
        {
            throw new CliException($"bulletin 需要 --month yyyy-MM（例如 --month 2027-03），收到 '{month}'。");
        }

        var calendar = new CampaignCalendar(campaign);
        var study = new StudyProgressService(campaign, calendar, stores.ActivityLog, stores.Households);
        var bulletin = await new BulletinBuilder(stores, study, campaign, Options.Create(new BulletinOptions())).BuildAsync(month!, cancellationToken);
        await output.WriteLineAsync(bulletin.OfficeText());
        if (args.Option("out") is { } file)
        {
            var path = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, new MiniExcelSpreadsheetWriter().ToXlsx(bulletin.Table()), cancellationToken);
            var chart = Path.ChangeExtension(path, ".png");
            await File.WriteAllBytesAsync(chart, new BulletinChart().Render(bulletin), cancellationToken);
            await output.WriteLineAsync($"已写出 {path} 和 {chart}");
        }

        return 0;
    }
}
