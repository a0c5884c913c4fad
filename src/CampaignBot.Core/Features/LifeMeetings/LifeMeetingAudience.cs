namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>
/// /help lists /meeting for the team of the unit's latest meeting (the catalogue names secretaries, supervisors and the
/// office), and /criticise only while that team is preparing one: a member outside any team cannot use either.
/// </summary>
public sealed class LifeMeetingAudience(LifeMeetingPeople people, string command) : ICommandAudienceCheck
{
    public string Command { get; } = command;

    public async Task<bool> IncludesAsync(Member member, CancellationToken cancellationToken) =>
        await people.OfTeamMemberAsync(member, cancellationToken) is { } meeting
        && (Command != "criticise" || meeting.Status == MeetingStatus.Preparing);
}
