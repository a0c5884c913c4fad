namespace CampaignBot.Core.Features.Groups;

/// <summary>
/// /link &lt;unit-id&gt; &lt;group&gt; in a private chat: links a group the bot knows on this channel by its id. That is
/// how a WeCom group robot (whose group the app never sits in) gets its unit; its id is the robot's name.
/// </summary>
internal static class NamedGroupLink
{
    public static async Task HandleAsync(FlowContext context, IChatStore chats, IEnumerable<IGroupLinkListener> listeners, CancellationToken cancellationToken)
    {
        var words = context.Update.Content is CommandInput command
            ? command.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : [];
        if (words.Length != 2)
        {
            context.Reply(GroupTexts.LinkUsage);
            return;
        }

        if (context.Member is not { Role: Roles.Secretary or Roles.CampaignOffice } member)
        {
            context.Reply(GroupTexts.OnlySecretaryCampaignOffice);
            return;
        }

        var (unitId, groupId) = (words[0], words[1]);
        if (LinkCommand.UnitToLink(context, member, unitId) is not { } unit)
        {
            return;
        }

        var group = await chats.GetAsync(context.Update.Chat.Channel, groupId, cancellationToken);
        if (group is not { Kind: ChatKind.Group, BotIsMember: true })
        {
            context.Reply(GroupTexts.NoSuchRobotGroup(Shorten(groupId)));
            return;
        }

        if (LinkCommand.Moving(context, member, group, unit.Id, explicitly: true) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        var linked = group with { UnitId = unit.Id, UpdatedAt = context.Now };
        await chats.UpsertAsync(linked, cancellationToken);
        context.Reply(GroupTexts.RobotGroupLinked(group.Title ?? group.ChatId, unit.Name));
        await LinkCommand.TellListenersAsync(listeners, context, linked, unit.Id, cancellationToken);
    }

    private static string Shorten(string text) => Words.Short(text, 40);
}
