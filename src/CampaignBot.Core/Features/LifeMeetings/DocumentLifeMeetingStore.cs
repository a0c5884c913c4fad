namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>The meeting store over two document tables: meetings by unit, talks listed by their meeting.</summary>
public sealed class DocumentLifeMeetingStore(IDocumentTable meetings, IDocumentTable talks) : ILifeMeetingStore
{
    public const string Table = "life_meetings";
    public const string TalkTable = "life_meeting_talks";

    public static readonly string[] Tables = [Table, TalkTable];

    private readonly DocumentTable<LifeMeeting> _meetings = new(meetings, m => new(m.Id, m.OpenedBy, m.UnitId));
    private readonly DocumentTable<CriticismTalk> _talks = new(talks, t => new(t.Id, t.MeetingId, t.UnitId));

    public Task<bool> CreateAsync(LifeMeeting meeting, CancellationToken cancellationToken) => _meetings.TryAddAsync(meeting, cancellationToken);

    public Task SaveAsync(LifeMeeting meeting, CancellationToken cancellationToken) => _meetings.SaveAsync(meeting, cancellationToken);

    public Task<LifeMeeting?> GetAsync(string id, CancellationToken cancellationToken) => _meetings.GetAsync(id, cancellationToken);

    public async Task<IReadOnlyList<LifeMeeting>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        [.. (await _meetings.ListAsync(unitId, cancellationToken)).OrderBy(m => m.OpenedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];

    public Task SaveTalkAsync(CriticismTalk talk, CancellationToken cancellationToken) => _talks.SaveAsync(talk, cancellationToken);

    public Task<CriticismTalk?> GetTalkAsync(string meetingId, string from, string to, CancellationToken cancellationToken) =>
        _talks.GetAsync(CriticismTalk.IdFor(meetingId, from, to), cancellationToken);

    public async Task<IReadOnlyList<CriticismTalk>> ListTalksAsync(string meetingId, CancellationToken cancellationToken) =>
        [.. (await _talks.ListByMemberAsync(meetingId, cancellationToken)).OrderBy(t => t.From, StringComparer.Ordinal).ThenBy(t => t.To, StringComparer.Ordinal)];
}
