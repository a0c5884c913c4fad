namespace CampaignBot.Core.Features.Contacts;

/// <summary>
/// The contact points in force: the campaign file's, with each leader's stored change (/contact set, /contact clear)
/// in place of what the file says for that leader.
/// </summary>
public sealed class ContactDirectory(IContactStore store, CampaignDefinition campaign)
{
    public async Task<IReadOnlyList<ContactAssignment>> AllAsync(CancellationToken cancellationToken)
    {
        var byLeader = new Dictionary<string, ContactAssignment>(StringComparer.Ordinal);
        foreach (var assignment in campaign.Contacts.Leaders)
        {
            byLeader[assignment.LeaderId] = assignment;
        }

        foreach (var change in await store.ListChangesAsync(cancellationToken))
        {
            if (change.Removed)
            {
                byLeader.Remove(change.Assignment.LeaderId);
            }
            else
            {
                byLeader[change.Assignment.LeaderId] = change.Assignment;
            }
        }

        return [.. byLeader.Values.OrderBy(a => a.LeaderId, StringComparer.Ordinal)];
    }

    public async Task<ContactAssignment?> OfLeaderAsync(string leaderId, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(a => a.LeaderId == leaderId);

    /// <summary>The units a member contacts (none for anyone who is not a contact leader, or is deactivated).</summary>
    public async Task<IReadOnlyList<string>> UnitsOfAsync(Member? member, CancellationToken cancellationToken) =>
        member is { IsActive: true } && await OfLeaderAsync(member.Id, cancellationToken) is { } assignment ? assignment.UnitIds : [];

    /// <summary>The leaders who contact a unit.</summary>
    public async Task<IReadOnlyList<ContactAssignment>> LeadersOfAsync(string unitId, CancellationToken cancellationToken) =>
        [.. (await AllAsync(cancellationToken)).Where(a => a.UnitIds.Contains(unitId))];

    /// <summary>Whether <paramref name="member"/> may read a unit's self-examinations and ledger as its contact leader, or manages it.</summary>
    public async Task<bool> MayReadAsync(Member? member, string unitId, CancellationToken cancellationToken) =>
        campaign.Manages(member, unitId) || (await UnitsOfAsync(member, cancellationToken)).Contains(unitId);
}
