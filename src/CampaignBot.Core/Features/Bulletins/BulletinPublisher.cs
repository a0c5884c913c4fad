using CampaignBot.Core.Features.Groups;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>
/// Sends a bulletin: the office's preview privately (text, XLSX, PNG), the public version to each unit's linked group once,
/// wherever the office asked for it (asked in a group, that group is not every unit's group). A published month is kept as
/// it was published, and its preview shows that, not today's figures.
/// </summary>
public sealed class BulletinPublisher(BulletinBuilder builder, IBulletinStore store, IChatStore chats, Campaign.CampaignDefinition campaign, CampaignCalendar calendar, IEnumerable<ITableWriter> tables, IEnumerable<IBulletinChart> charts)
{
    public async Task<IReadOnlyList<Outbound>> OfficeMessagesAsync(string month, DateTimeOffset now, CancellationToken cancellationToken, Language language = Language.Chinese)
    {
        var record = await store.GetPublishedAsync(month, cancellationToken);
        var bulletin = record?.Published ?? await builder.BuildAsync(month, now, cancellationToken);
        var heading = record is null ? BulletinTexts.Draft(month)
            : record.Published is null ? BulletinTexts.PublishedThenRecounted(month, calendar.Local(record.PublishedAt))
            : BulletinTexts.AsPublished(month, calendar.Local(record.PublishedAt));
        var messages = new List<Outbound> { new TextMessage(heading.In(language) + "\n" + bulletin.OfficeText(language) + bulletin.AsOfLine(language)) };
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
        var groups = new List<ChatRef>();
        foreach (var unit in campaign.Units)
        {
            if (await ChatLinks.FindGroupOfUnitAsync(chats, unit.Id, cancellationToken) is { } linked)
            {
                groups.Add(linked.ToChatRef());
            }
        }

        // With no group to post to, nothing is published: the month stays open for when groups are linked.
        if (groups.Count == 0 && await store.GetPublishedAsync(month, cancellationToken) is null)
        {
            context.Reply(BulletinTexts.NoLinkedGroups(month));
            return;
        }

        // What the groups read is what is kept: the month's bulletin reads the same whenever it is looked at again.
        var bulletin = await builder.BuildAsync(month, context.Now, cancellationToken);
        if (!await store.TryRecordPublishedAsync(new BulletinRecord(month, context.Member!.Id, context.Now) { Published = bulletin }, cancellationToken))
        {
            context.Reply(BulletinTexts.AlreadyPublished(month));
            return;
        }

        var text = bulletin.PublicText();
        foreach (var group in groups)
        {
            context.Notify(group, new TextMessage(text), $"bulletin:{month}:group:{group.Key}");
        }

        context.Reply(BulletinTexts.Published(month, groups.Count));
    }
}
