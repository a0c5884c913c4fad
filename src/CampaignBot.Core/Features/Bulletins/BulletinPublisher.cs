using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>Sends a bulletin: the office's preview privately (text, XLSX, PNG), the public version to each linked unit group once.</summary>
public sealed class BulletinPublisher(BulletinBuilder builder, IBulletinStore store, IAudiences audiences, Campaign.CampaignDefinition campaign, IEnumerable<ITableWriter> tables, IEnumerable<IBulletinChart> charts)
{
    public async Task<IReadOnlyList<Outbound>> OfficeMessagesAsync(string month, CancellationToken cancellationToken, Language language = Language.Chinese)
    {
        var bulletin = await builder.BuildAsync(month, cancellationToken);
        var messages = new List<Outbound> { new TextMessage(BulletinTexts.Draft(month).In(language) + "\n" + bulletin.OfficeText(language)) };
        if (tables.FirstOrDefault() is { } writer)
        {
            messages.Add(new DocumentMessage($"月通报-{month}.xlsx", writer.Write(bulletin.Table(), TableFormat.Xlsx), BulletinTexts.BulletinSpreadsheetCaption(month).In(language)));
        }

        if (charts.FirstOrDefault() is { } chart)
        {
            messages.Add(new PhotoMessage($"月通报-{month}.png", chart.Render(bulletin), BulletinTexts.BulletinChartCaption(month).In(language)));
        }

        return messages;
    }

    public async Task PublishAsync(FlowContext context, string month, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!await store.TryRecordPublishedAsync(new BulletinRecord(month, context.Member!.Id, context.Now), cancellationToken))
        {
            context.Reply(BulletinTexts.AlreadyPublished(month));
            return;
        }

        var text = (await builder.BuildAsync(month, cancellationToken)).PublicText();
        var groups = 0;
        foreach (var unit in campaign.Units)
        {
            if (await audiences.GroupOfAsync(context, unit.Id, cancellationToken) is { Kind: ChatKind.Group } group)
            {
                context.Notify(group, new TextMessage(text));
                groups++;
            }
        }

        context.Reply(BulletinTexts.Published(month, groups));
    }
}
