namespace CampaignBot.Core.Features.Dashboard;

/// <summary>The units one viewer may see on the dashboard: every unit, or the listed ones.</summary>
public sealed record DashboardScope(bool AllUnits, IReadOnlySet<string> Units)
{
    public static readonly DashboardScope Nothing = new(false, new HashSet<string>(StringComparer.Ordinal));

    public bool SeesAnything => AllUnits || Units.Count > 0;

    public bool CanSee(string unitId) => AllUnits || Units.Contains(unitId);

    /// <summary>The units of <paramref name="campaign"/> this scope covers, in the campaign's order.</summary>
    public IReadOnlyList<UnitDefinition> Of(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return [.. campaign.Units.Where(u => CanSee(u.Id))];
    }
}

/// <summary>
/// Who sees what on the dashboard. The office: every unit. A supervisor: the units of their supervision group
/// (<see cref="DashboardOptions.SupervisorGroups"/>, keyed by the unit they are registered in) and the units they
/// review (their unit and below), each with the units below. A secretary: their unit and below. Members and the
/// masses: nothing.
/// </summary>
public sealed class DashboardAccess
{
    private readonly CampaignDefinition campaign;
    private readonly DashboardOptions options;
    private readonly ILookup<string, string> children;

    public DashboardAccess(CampaignDefinition campaign, IOptions<DashboardOptions> options)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(options);
        this.campaign = campaign;
        this.options = options.Value;
        children = campaign.Units.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!, u => u.Id, StringComparer.Ordinal);
    }

    /// <summary>
    /// Whether the member may use the dashboard at all: active, and office, supervisor or secretary. Every request
    /// re-reads the member, so a deactivation or a role taken away refuses the member's sessions at once.
    /// </summary>
    public static bool MayUse(Member? member) => member is { IsActive: true, Role: Roles.CampaignOffice or Roles.Supervisor or Roles.Secretary };

    public DashboardScope ScopeOf(Member? member)
    {
        if (!MayUse(member))
        {
            return DashboardScope.Nothing;
        }

        if (member!.Role == Roles.CampaignOffice)
        {
            return new DashboardScope(true, new HashSet<string>(StringComparer.Ordinal));
        }

        var roots = new List<string> { member.UnitId };
        if (member.Role == Roles.Supervisor && options.SupervisorGroups.TryGetValue(member.UnitId, out var group))
        {
            roots.AddRange(group);
        }

        var units = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots.Where(r => campaign.FindUnit(r) is not null))
        {
            AddWithDescendants(root, units);
        }

        return new DashboardScope(false, units);
    }

    private void AddWithDescendants(string unitId, HashSet<string> units)
    {
        var pending = new Stack<string>([unitId]);
        while (pending.TryPop(out var next))
        {
            // The set also stops a loop in a malformed tree.
            if (units.Add(next))
            {
                foreach (var child in children[next])
                {
                    pending.Push(child);
                }
            }
        }
    }
}
