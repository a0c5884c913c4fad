using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Features.Study;
using CampaignBot.Exports;

namespace CampaignBot.Features.Bulletins;

/// <summary>
/// campaignbot bulletin --month 2027-03 [--out 文件.xlsx]: the month's bulletin as the office sees it, on standard output;
/// with --out, the XLSX to that file and the PNG chart beside it. A published month is shown as it was published.
/// </summary>
public static class BulletinCliCommand
{
    private static readonly Option<string> Month = new("--month") { Description = "月份 yyyy-MM，例如 2027-03", HelpName = "yyyy-MM", Required = true };
    private static readonly Option<string> Out = new("--out") { Description = "把表格（xlsx）保存到这个文件，图表（png）存在旁边", HelpName = "文件" };

    public static Command Build()
    {
        var command = new Command("bulletin", "月通报：各单位排名、倒排名、未报送月调度的单位") { Month, Out };
        command.SetAction((parse, cancellationToken) => CampaignBotCli.WithStoreAsync(
            parse,
            (campaign, stores, configuration) => RunAsync(
                parse.GetValue(Month), parse.GetValue(Out), campaign, stores, parse.InvocationConfiguration.Output, cancellationToken,
                configuration.GetSection(BulletinOptions.SectionName).Get<BulletinOptions>()),
            cancellationToken));
        return command;
    }

    /// <param name="options">The Bulletins settings, as the bot reads them (the bottom count); the defaults when null.</param>
    public static async Task<int> RunAsync(string? month, string? file, CampaignDefinition campaign, StoreBundle stores, TextWriter output, CancellationToken cancellationToken, BulletinOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(campaign);
        if (!BulletinBuilder.TryParseMonth(month, out var first))
        {
            throw new CliException($"bulletin 需要 --month yyyy-MM（例如 --month 2027-03），收到 '{month}'。");
        }

        // The campaign's months only, as /bulletin in chat: a month outside it would print a ranking of nothing.
        var (firstMonth, lastMonth) = (CampaignCalendar.MonthStart(campaign.Start), CampaignCalendar.MonthStart(campaign.End));
        if (first < firstMonth || first > lastMonth)
        {
            throw new CliException(BulletinTexts.OutsideCampaign(BulletinBuilder.MonthOf(firstMonth), BulletinBuilder.MonthOf(lastMonth)).Chinese);
        }

        var study = new StudyProgressService(campaign, new CampaignCalendar(campaign), stores.ActivityLog, stores.Households);
        // A published month reads as it was published; any other is counted now.
        var bulletin = (await stores.Bulletins.GetPublishedAsync(month!, cancellationToken))?.Published ?? await new BulletinBuilder(stores.Members, stores.Bulletins, stores.Examinations, stores.Pledges, stores.Ledger, stores.EvaluationRounds, study, campaign, Options.Create(options ?? new BulletinOptions()),
            notes: [new HandlingBulletinNotes(stores.Inspections, campaign)], sections: [Contacts.ContactCli.BulletinSection(campaign, stores)]).BuildAsync(month!, DateTimeOffset.UtcNow, cancellationToken);
        await output.WriteLineAsync(bulletin.OfficeText());
        if (file is not null)
        {
            var path = Path.GetFullPath(file);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, TableWriter.Instance.Write(bulletin.Table(), TableFormat.Xlsx), cancellationToken);
            var chart = Path.ChangeExtension(path, ".png");
            await File.WriteAllBytesAsync(chart, new BulletinChart().Render(bulletin), cancellationToken);
            await output.WriteLineAsync($"已写出 {path} 和 {chart}");
        }

        return 0;
    }
}
