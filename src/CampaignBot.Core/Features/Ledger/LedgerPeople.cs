namespace CampaignBot.Core.Features.Ledger;

/// <summary>
/// Who is told about a unit's ledger at each level: its secretaries, its supervisors (of it or a unit above), the office;
/// only people who still take part (a deactivated one is told nothing).
/// </summary>
public sealed class LedgerPeople(IMemberStore members, CampaignDefinition campaign)
{
    public const int SecretaryLevel = 1;
    public const int SupervisorLevel = 2;
    public const int OfficeLevel = 3;

    public Task<Member?> MemberAsync(string id, CancellationToken cancellationToken) => members.GetAsync(id, cancellationToken);

    public async Task<IReadOnlyList<Member>> AtLevelAsync(string unitId, int level, CancellationToken cancellationToken)
    {
        var everyone = (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive).ToList();
        var above = campaign.UnitAndAncestors(unitId);
        return level switch
        {
            SecretaryLevel => [.. everyone.Where(m => m.Role == Roles.Secretary && m.UnitId == unitId)],
            SupervisorLevel => [.. everyone.Where(m => m.Role == Roles.Supervisor && above.Contains(m.UnitId))],
            _ => [.. everyone.Where(m => m.Role == Roles.CampaignOffice)],
        };
    }
}
