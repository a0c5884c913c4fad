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

    /// <summary>
    /// Who confirms an item reported done: the people at <paramref name="level"/> other than the reporter, or, when there are
    /// none (a unit without a supervisor yet), the next level up, so that someone is always told.
    /// </summary>
    public async Task<IReadOnlyList<Member>> ConfirmersAsync(string unitId, int level, string reporterId, CancellationToken cancellationToken)
    {
        for (var at = level; at <= OfficeLevel; at++)
        {
            var people = (await AtLevelAsync(unitId, at, cancellationToken)).Where(p => p.Id != reporterId).ToList();
            if (people.Count > 0)
            {
                return people;
            }
        }

        return [];
    }

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
