namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// Who takes part and who may read what. Criticisms are private to the pair, the head and the supervisors of the unit
/// (a supervisor registered for the unit or a unit above it); the state of the pairs (not their texts) is also shown to
/// the unit's secretary and the office, and a team member sees the state of their own pairs.
/// </summary>
public sealed class LifeMeetingPeople(ILifeMeetingStore meetings, IMemberStore members, CampaignDefinition campaign)
{
    public CampaignDefinition Campaign => campaign;

    public string UnitName(string unitId) => campaign.FindUnit(unitId)?.Name ?? unitId;

    /// <summary>The unit's latest meeting, or null.</summary>
    public async Task<LifeMeeting?> LatestAsync(string unitId, CancellationToken cancellationToken) =>
        (await meetings.ListAsync(unitId, cancellationToken)).LastOrDefault();

    /// <summary>The latest meeting of the member's unit when the member is in its team.</summary>
    public async Task<LifeMeeting?> OfTeamMemberAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        var latest = await LatestAsync(member.UnitId, cancellationToken);
        return latest is not null && latest.Team.Contains(member.Id) ? latest : null;
    }

    /// <summary>
    /// The meeting in preparation whose team the member is in, where talks are written and decided; otherwise why not
    /// (not registered, or in no team preparing one).
    /// </summary>
    public async Task<Read<LifeMeeting>> PreparingMeetingOfAsync(Member? member, CancellationToken cancellationToken)
    {
        if (member is null)
        {
            return LifeMeetingTexts.NotRegistered;
        }

        return await OfTeamMemberAsync(member, cancellationToken) is { Status: MeetingStatus.Preparing } meeting ? meeting : LifeMeetingTexts.NotInTeam;
    }

    public bool IsSupervisorOf(Member? member, string unitId) =>
        member is { Role: Roles.Supervisor, IsActive: true } && campaign.UnitAndAncestors(unitId).Contains(member.UnitId);

    /// <summary>Whether the member may read the points of this talk.</summary>
    public bool MayRead(Member? member, LifeMeeting meeting, CriticismTalk talk)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        ArgumentNullException.ThrowIfNull(talk);
        return member is { IsActive: true } m && talk.MeetingId == meeting.Id
            && (talk.IsSide(m.Id) || m.Id == meeting.HeadId || IsSupervisorOf(m, meeting.UnitId));
    }

    /// <summary>Whether the member sees the state of every pair (the head, the unit's supervisors and secretary, the office).</summary>
    public bool SeesAllStates(Member? member, LifeMeeting meeting)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return member is { IsActive: true } m
            && (m.Id == meeting.HeadId || IsSupervisorOf(m, meeting.UnitId) || m.Role == Roles.CampaignOffice
                || (m.Role == Roles.Secretary && m.UnitId == meeting.UnitId));
    }

    public bool IsSecretaryOf(Member? member, string unitId) => member is { Role: Roles.Secretary, IsActive: true } m && m.UnitId == unitId;

    /// <summary>The supervisors of the unit: those registered for the nearest unit on the way up that has any.</summary>
    public async Task<IReadOnlyList<Member>> SupervisorsAsync(string unitId, CancellationToken cancellationToken)
    {
        var all = (await members.ListAsync(null, cancellationToken)).Where(m => m.IsActive && m.Role == Roles.Supervisor).ToList();
        foreach (var unit in campaign.UnitAndAncestors(unitId))
        {
            var found = all.Where(m => m.UnitId == unit).ToList();
            if (found.Count > 0)
            {
                return found;
            }
        }

        return [];
    }

    public async Task<Member?> MemberAsync(string id, CancellationToken cancellationToken) =>
        await members.GetAsync(id, cancellationToken);
}
