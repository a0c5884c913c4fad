namespace CampaignBot.Core.Features.Groups;

/// <summary>
/// /link in a group chat: a secretary links the group to their own unit; the campaign office links it to any
/// unit with /link &lt;unit-id&gt;. Pledges and evaluation results for the unit are then posted there.
/// </summary>
public sealed class LinkCommand(IChatStore chats, IEnumerable<IGroupLinkListener> listeners) : ICommandHandler
{
    public string Command => "link";

    public async Task HandleAsync(FlowContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chat = context.Update.Chat;
        if (chat.Kind != ChatKind.Group)
        {
            await NamedGroupLink.HandleAsync(context, chats, listeners, cancellationToken);
            return;
        }

        if (context.Member is not { Role: Roles.Secretary or Roles.CampaignOffice } member)
        {
            context.Reply(GroupTexts.OnlySecretaryCampaignOffice);
            return;
        }

        var requested = context.Update.Content is CommandInput command && command.Arguments.Trim() is { Length: > 0 } typed ? typed : null;
        var unitId = requested ?? member.UnitId;
        if (UnitToLink(context, member, unitId) is not { } unit)
        {
            return;
        }

        var existing = await chats.GetAsync(chat.Channel, chat.Id, cancellationToken);
        if (Moving(context, member, existing, unit.Id, explicitly: requested is not null) is { } refusal)
        {
            context.Reply(refusal);
            return;
        }

        var linked = (existing ?? new ChatRecord { Channel = chat.Channel, ChatId = chat.Id, Kind = chat.Kind, UpdatedAt = context.Now })
            with { Title = chat.Title ?? existing?.Title, UnitId = unit.Id, BotIsMember = true, UpdatedAt = context.Now };
        await chats.UpsertAsync(linked, cancellationToken);
        context.Reply(GroupTexts.Linked(unit.Name));
        await TellListenersAsync(listeners, context, linked, unit.Id, cancellationToken);
    }

    /// <summary>
    /// The unit a secretary or the office may link a group to, or null once the refusal is said: a secretary links only
    /// their own unit, and a unit must be part of the campaign (an unknown one is named as unknown, whoever asks).
    /// </summary>
    internal static UnitDefinition? UnitToLink(FlowContext context, Member member, string unitId)
    {
        var unit = context.Campaign.FindUnit(unitId);
        if (unit is not null && member.Role == Roles.Secretary && unit.Id != member.UnitId)
        {
            context.Reply(GroupTexts.SecretaryCanLinkGroup);
            return null;
        }

        if (unit is null)
        {
            context.Reply(GroupTexts.UnitNotInCampaign(Words.Short(unitId, 40)));
        }

        return unit;
    }

    /// <summary>
    /// Why a group linked to another unit stays where it is: a secretary never takes another unit's group, and the office
    /// moves one only by naming the unit (a bare /link would quietly take it to the office's own unit).
    /// </summary>
    internal static Text? Moving(FlowContext context, Member member, ChatRecord? group, string unitId, bool explicitly)
    {
        if (group?.UnitId is not { } current || current == unitId || context.Campaign.FindUnit(current) is not { } linkedTo)
        {
            return null;
        }

        return member.Role switch
        {
            Roles.CampaignOffice when explicitly => null,
            Roles.CampaignOffice => GroupTexts.LinkedElsewhereNameTheUnit(linkedTo.Name),
            _ => GroupTexts.LinkedToAnotherUnit(linkedTo.Name),
        };
    }

    internal static async Task TellListenersAsync(
        IEnumerable<IGroupLinkListener> listeners, FlowContext context, ChatRecord group, string unitId, CancellationToken cancellationToken)
    {
        foreach (var listener in listeners)
        {
            await listener.GroupLinkedAsync(context, group, unitId, cancellationToken);
        }
    }
}

/// <summary>Finding the group chat a unit announces in.</summary>
public static class ChatLinks
{
    /// <summary>The unit's linked group where the bot still is; the most recently linked one when there are several.</summary>
    public static async Task<ChatRecord?> FindGroupOfUnitAsync(IChatStore chats, string unitId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chats);
        var all = await chats.ListAsync(cancellationToken);
        return all
            .Where(c => c.UnitId == unitId && c.Kind == ChatKind.Group && c.BotIsMember && !c.Unreachable)
            .OrderByDescending(c => c.UpdatedAt)
            .FirstOrDefault();
    }

    public static ChatRef ToChatRef(this ChatRecord chat)
    {
        ArgumentNullException.ThrowIfNull(chat);
        return new ChatRef(chat.Channel, chat.ChatId, chat.Kind, chat.Title);
    }
}
