namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>The meeting store over two document tables: meetings by unit, talks listed by their meeting.</summary>
public sealed class DocumentLifeMeetingStore(IDocumentTable meetings, IDocumentTable talks) : ILifeMeetingStore
{
    public const string Table = "life_meetings";
    public const string TalkTable = "life_meeting_talks";

    public static readonly string[] Tables = [Table, TalkTable];

    public Task<bool> CreateAsync(LifeMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meetings.TryInsertAsync(meeting.Id, meeting.OpenedBy, meeting.UnitId, MessageJson.Serialize(meeting), cancellationToken);
    }

    public Task SaveAsync(LifeMeeting meeting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(meeting);
        return meetings.UpsertAsync(meeting.Id, meeting.OpenedBy, meeting.UnitId, MessageJson.Serialize(meeting), cancellationToken);
    }

    public async Task<LifeMeeting?> GetAsync(string id, CancellationToken cancellationToken) =>
        await meetings.GetAsync(id, cancellationToken) is { } body ? MessageJson.Deserialize<LifeMeeting>(body) : null;

    public async Task<IReadOnlyList<LifeMeeting>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await meetings.ListAsync(unitId, cancellationToken)).Select(MessageJson.Deserialize<LifeMeeting>).OrderBy(m => m.OpenedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public Task SaveTalkAsync(CriticismTalk talk, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(talk);
        return talks.UpsertAsync(talk.Id, talk.MeetingId, talk.UnitId, MessageJson.Serialize(talk), cancellationToken);
    }

    public async Task<CriticismTalk?> GetTalkAsync(string meetingId, string from, string to, CancellationToken cancellationToken) =>
        await talks.GetAsync(CriticismTalk.IdFor(meetingId, from, to), cancellationToken) is { } body ? MessageJson.Deserialize<CriticismTalk>(body) : null;

    public async Task<IReadOnlyList<CriticismTalk>> ListTalksAsync(string meetingId, CancellationToken cancellationToken) =>
        [.. (await talks.ListByMemberAsync(meetingId, cancellationToken)).Select(MessageJson.Deserialize<CriticismTalk>)
            .OrderBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)];
}
