namespace CampaignBot.Core.Features.LifeMeetings;

public enum MeetingStatus
{
    /// <summary>The three rounds of talks (三轮沟通) are going on.</summary>
    Preparing,

    /// <summary>Every pair confirmed; the secretary marked the meeting ready.</summary>
    Ready,

    /// <summary>The meeting was held and its record saved; the satisfaction round (满意度测评) opened.</summary>
    Recorded,

    /// <summary>The supervisor reviewed the record.</summary>
    Reviewed,
}

/// <summary>
/// One democratic life meeting (专题民主生活会) of a unit's leadership team, from the opening of its preparation to the
/// supervisor's review of its record. The team is named when the preparation opens; the head (一把手) is first.
/// </summary>
public sealed record LifeMeeting
{
    /// <summary>Eight lower-case hex characters.</summary>
    public required string Id { get; init; }

    public required string UnitId { get; init; }

    /// <summary>The team's member ids, the head first.</summary>
    public required IReadOnlyList<string> Team { get; init; }

    /// <summary>The names of the team as they were when the preparation opened, by member id.</summary>
    public required IReadOnlyDictionary<string, string> Names { get; init; }

    public required string OpenedBy { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public MeetingStatus Status { get; init; } = MeetingStatus.Preparing;

    public DateTimeOffset? ReadyAt { get; init; }

    public MeetingRecord? Record { get; init; }

    /// <summary>The 满意度测评 round opened when the record was saved.</summary>
    public string? SatisfactionRoundId { get; init; }

    public string? ReviewedBy { get; init; }

    public string? ReviewNote { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    public string HeadId => Team[0];

    public bool IsOpen => Status is MeetingStatus.Preparing or MeetingStatus.Ready;

    public string NameOf(string memberId) => Names.TryGetValue(memberId, out var name) ? name : memberId;

    /// <summary>Every ordered pair of two team members: who raises criticisms with whom.</summary>
    public IEnumerable<(string From, string To)> Pairs() =>
        from a in Team from b in Team where a != b select (a, b);

    public static bool IsValidId(string? id) => id is { Length: 8 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}

/// <summary>What the secretary records after the meeting: when, who was there, who spoke and how long, criticisms raised.</summary>
public sealed record MeetingRecord
{
    public required DateOnly Date { get; init; }

    public required bool SupervisorPresent { get; init; }

    /// <summary>Team members who were not there (the rest of the team attended).</summary>
    public IReadOnlyList<string> Absent { get; init; } = [];

    public IReadOnlyList<MeetingSpeech> Speeches { get; init; } = [];

    public string? Note { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>One team member's part at the meeting: minutes spoken (head ~30, members ~20) and criticisms raised.</summary>
public sealed record MeetingSpeech(string MemberId, int Minutes, int CriticismsRaised);
