namespace CampaignBot.Core.Features.Examinations;

/// <summary>Where a member's self-examination stands. Drafts and returned ones can be edited; the others are read-only.</summary>
public enum ExaminationStatus
{
    Draft,
    Submitted,
    Returned,
    Accepted,
}

/// <summary>The answer to one checklist item: a choice code (存在/部分存在/不存在), text (evidence, notes), or both.</summary>
public sealed record ExaminationAnswer(string? Choice, string? Text)
{
    public bool IsEmpty => Choice is null && string.IsNullOrEmpty(Text);
}

/// <summary>
/// A member's self-examination (对照检查): one per member for the campaign, answered item by item against the
/// checklist the member's rank and unit call for. <see cref="Submissions"/> counts the versions submitted so far.
/// </summary>
public sealed record SelfExamination
{
    /// <summary>The member's id; there is one self-examination per member.</summary>
    public required string MemberId { get; init; }

    public required string MemberName { get; init; }

    public required string UnitId { get; init; }

    public required string ChecklistCode { get; init; }

    public ExaminationStatus Status { get; init; } = ExaminationStatus.Draft;

    public IReadOnlyDictionary<string, ExaminationAnswer> Answers { get; init; } = new Dictionary<string, ExaminationAnswer>();

    /// <summary>The item the member was at when they last left, so /examine resumes there.</summary>
    public int CurrentItem { get; init; }

    public int Submissions { get; init; }

    public DateTimeOffset? SubmittedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public bool IsEditable => Status is ExaminationStatus.Draft or ExaminationStatus.Returned;
}

/// <summary>One submitted version, kept as it was sent to the reviewer.</summary>
public sealed record ExaminationVersion(
    string MemberId,
    string UnitId,
    int Number,
    IReadOnlyDictionary<string, ExaminationAnswer> Answers,
    DateTimeOffset SubmittedAt);

/// <summary>The reviewer's decision on one version: accepted, or returned with a comment.</summary>
public sealed record ExaminationReview(
    string MemberId,
    string UnitId,
    int Number,
    string ReviewerId,
    string ReviewerName,
    bool Accepted,
    string? Comment,
    DateTimeOffset ReviewedAt);
