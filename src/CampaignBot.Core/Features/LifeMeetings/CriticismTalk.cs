namespace CampaignBot.Core.Features.LifeMeetings;

public enum TalkStatus
{
    /// <summary>Nothing written yet (提什么).</summary>
    NotWritten,

    /// <summary>Written and waiting for the head's check (行不行).</summary>
    AwaitingCheck,

    /// <summary>Sent back by the head, or by a side that found it not enough; the author revises.</summary>
    SentBack,

    /// <summary>Approved by the head; both sides confirm it is enough (够不够).</summary>
    AwaitingConfirmation,

    /// <summary>Both sides confirmed.</summary>
    Confirmed,
}

/// <summary>
/// The criticisms one team member intends to raise with another at the meeting: short points, private to the two of
/// them, the head and the supervisor. <see cref="Version"/> grows with each change, so a decision on an older text is refused.
/// </summary>
public sealed record CriticismTalk
{
    public required string MeetingId { get; init; }

    public required string UnitId { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    public IReadOnlyList<string> Points { get; init; } = [];

    public TalkStatus Status { get; init; } = TalkStatus.NotWritten;

    /// <summary>Why it was last sent back, and by whom.</summary>
    public string? SentBackReason { get; init; }

    public string? SentBackBy { get; init; }

    /// <summary>How many times it was sent back.</summary>
    public int Returns { get; init; }

    public bool FromConfirmed { get; init; }

    public bool ToConfirmed { get; init; }

    public int Version { get; init; }

    public DateTimeOffset? UpdatedAt { get; init; }

    public string Id => IdFor(MeetingId, From, To);

    public static string IdFor(string meetingId, string from, string to) => $"{meetingId}:{from}>{to}";

    /// <summary>Who may read the points: the two sides, the head, a supervisor of the unit (checked by the caller).</summary>
    public bool IsSide(string memberId) => memberId == From || memberId == To;
}
