namespace CampaignBot.Core.Campaign;

/// <summary>
/// Who may look after a unit's opinions and ledger: its secretary, a supervisor of the unit or a unit above it, the office.
/// One rule for every command of those features, so no command forgets it.
/// </summary>
public static class UnitAccess
{
    /// <summary>The unit and every unit above it, nearest first (a loop in the tree stops).</summary>
    public static IReadOnlyList<string> UnitAndAncestors(this CampaignDefinition campaign, string unitId)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var seen = new List<string>();
        for (var unit = campaign.FindUnit(unitId); unit is not null && !seen.Contains(unit.Id); unit = unit.ParentId is { } parent ? campaign.FindUnit(parent) : null)
        {
            seen.Add(unit.Id);
        }

        return seen;
    }

    /// <summary>Whether <paramref name="member"/> manages <paramref name="unitId"/>: the office any unit, a supervisor their own and the units below, a secretary their own.</summary>
    public static bool Manages(this CampaignDefinition campaign, Member? member, string unitId) => member switch
    {
        { Role: Roles.CampaignOffice } => campaign.FindUnit(unitId) is not null,
        { Role: Roles.Supervisor } m => campaign.UnitAndAncestors(unitId).Contains(m.UnitId),
        { Role: Roles.Secretary } m => m.UnitId == unitId,
        _ => false,
    };

    /// <summary>The units a member manages: every unit for the office, a supervisor's subtree, a secretary's own unit.</summary>
    public static IReadOnlyList<string> ManagedUnits(this CampaignDefinition campaign, Member? member)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return [.. campaign.Units.Where(u => campaign.Manages(member, u.Id)).Select(u => u.Id)];
    }
}
