namespace CampaignBot.Core.Features.LifeMeetings;

/// <summary>Democratic life meetings and their criticism talks; SQLite and MongoDB alike.</summary>
public interface ILifeMeetingStore
{
    /// <summary>Stores a new meeting; false when its id is already there (nothing is replaced).</summary>
    Task<bool> CreateAsync(LifeMeeting meeting, CancellationToken cancellationToken);

    Task SaveAsync(LifeMeeting meeting, CancellationToken cancellationToken);

    Task<LifeMeeting?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>A unit's meetings, or all when null, oldest first.</summary>
    Task<IReadOnlyList<LifeMeeting>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces the talk of (meeting, from, to).</summary>
    Task SaveTalkAsync(CriticismTalk talk, CancellationToken cancellationToken);

    Task<CriticismTalk?> GetTalkAsync(string meetingId, string from, string to, CancellationToken cancellationToken);

    /// <summary>The meeting's talks, by author and then addressee.</summary>
    Task<IReadOnlyList<CriticismTalk>> ListTalksAsync(string meetingId, CancellationToken cancellationToken);
}
