namespace CampaignBot.Core.Conversations;

/// <summary>What a report command says when the caller may not see the unit asked for, or there is no such unit.</summary>
/// <param name="EchoLength">How much of an unknown unit id is repeated back (it is typed by the user).</param>
public sealed record UnitScopeRefusals(Text OwnUnitOnly, Text NotAllowed, Func<string, Text> NoSuchUnit, int EchoLength);

/// <summary>The unit a report command (/members, /results) reads, from what the caller typed after it.</summary>
public static class UnitScope
{
    /// <summary>
    /// Someone who sees every unit gets the unit asked for, or null (the whole campaign) when none was typed; a secretary
    /// gets their own unit. Anyone else, or a secretary asking for another unit, is answered with a refusal and false is
    /// returned; an unknown unit is named as unknown to everyone who may use the command.
    /// </summary>
    public static bool TryPick(FlowContext context, string asked, Func<Member, bool> seesEveryUnit, UnitScopeRefusals refusals, out string? unitId)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(asked);
        ArgumentNullException.ThrowIfNull(seesEveryUnit);
        ArgumentNullException.ThrowIfNull(refusals);
        unitId = null;
        switch (context.Member)
        {
            case { } member when seesEveryUnit(member):
                unitId = asked.Length == 0 ? null : asked;
                break;
            case { Role: Roles.Secretary } secretary when asked.Length == 0 || asked == secretary.UnitId:
                unitId = secretary.UnitId;
                break;
            case { Role: Roles.Secretary } when context.Campaign.FindUnit(asked) is null:
                // A mistyped id is named as unknown, not answered as if it were another unit.
                unitId = asked;
                break;
            case { Role: Roles.Secretary }:
                context.Reply(refusals.OwnUnitOnly);
                return false;
            default:
                context.Reply(refusals.NotAllowed);
                return false;
        }

        if (unitId is not null && context.Campaign.FindUnit(unitId) is null)
        {
            context.Reply(refusals.NoSuchUnit(unitId.Length > refusals.EchoLength ? unitId[..refusals.EchoLength] : unitId));
            return false;
        }

        return true;
    }
}
