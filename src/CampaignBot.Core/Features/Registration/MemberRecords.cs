namespace CampaignBot.Core.Features.Registration;

/// <summary>
/// The records of the members a report counts. Examinations, pledges and check-ins are filed under the member's home unit
/// (<see cref="Member.UnitId"/>), so a unit's list misses the mobile members it hosts and holds those of members who no
/// longer count (deactivated, or not listed): the units the members are filed under are read, and only their records kept.
/// </summary>
public static class MemberRecords
{
    /// <param name="members">The members counted (a unit's, or everyone's when <paramref name="unitId"/> is null).</param>
    /// <param name="unitId">The unit the report is about, or null for the whole campaign.</param>
    /// <param name="listByUnit">The store's list of one unit's records (null: all).</param>
    /// <param name="memberOf">Whose record it is.</param>
    public static async Task<IReadOnlyList<T>> OfAsync<T>(IReadOnlyCollection<Member> members, string? unitId, Func<string?, Task<IReadOnlyList<T>>> listByUnit, Func<T, string> memberOf)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(listByUnit);
        ArgumentNullException.ThrowIfNull(memberOf);
        var counted = members.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        IEnumerable<string?> units = unitId is null ? [null] : members.Select(m => m.UnitId).Append(unitId).Distinct(StringComparer.Ordinal).Select(u => (string?)u);
        var records = new List<T>();
        foreach (var unit in units)
        {
            records.AddRange((await listByUnit(unit).ConfigureAwait(false)).Where(r => counted.Contains(memberOf(r))));
        }

        return records;
    }
}
