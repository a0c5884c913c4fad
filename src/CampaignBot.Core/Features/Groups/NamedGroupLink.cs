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
            context.Reply(
                "请在要关联的单位群里发送 /link；企业微信群机器人请在这里发送 /link <单位ID> <机器人名称>。",
                "Send /link in the unit's group chat; for a WeCom group robot send /link <unit-id> <robot-name> here.");
            return;
        }

        if (context.Member is not { Role: Roles.Secretary or Roles.CampaignOffice } member)
        {
            context.Reply(GroupTexts.OnlySecretaryCampaignOffice);
            return;
        }

        var (unitId, groupId) = (words[0], words[1]);
        if (member.Role == Roles.Secretary && unitId != member.UnitId && context.Campaign.FindUnit(unitId) is not null)
        {
            context.Reply(GroupTexts.SecretaryCanLinkGroup);
            return;
        }

        if (context.Campaign.FindUnit(unitId) is not { } unit)
        {
            context.Reply(GroupTexts.UnitNotInCampaign(Shorten(unitId)));
            return;
        }

        var group = await chats.GetAsync(context.Update.Chat.Channel, groupId, cancellationToken);
        if (group is not { Kind: ChatKind.Group, BotIsMember: true })
        {
            context.Reply(
                $"没有找到群 '{Shorten(groupId)}'。企业微信群机器人需先由管理员配置（WeCom:GroupRobots）。",
                $"No group '{Shorten(groupId)}' is known. A WeCom group robot must first be configured (WeCom:GroupRobots).");
            return;
        }

        if (LinkCommand.Moving(context, member, group, unit.Id, explicitly: true) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        var linked = group with { UnitId = unit.Id, UpdatedAt = context.Now };
        await chats.UpsertAsync(linked, cancellationToken);
        context.Reply(
            $"群「{group.Title ?? group.ChatId}」已关联到「{unit.Name}」。本单位的公开承诺和群众评议结果将发布在那里。",
            $"Group {group.Title ?? group.ChatId} is now linked to {unit.Name}; the unit's pledges and evaluation results will be posted there.");
        await LinkCommand.TellListenersAsync(listeners, context, linked, unit.Id, cancellationToken);
    }

    private static string Shorten(string text) => Words.Short(text, 40);
}
