namespace CampaignBot.Core.Features.Study;

/// <summary>What a log entry records: a study session, a field-research day, a household visit.</summary>
public enum ActivityKind
{
    Study,
    Research,
    Visit,
}

/// <summary>
/// One logged activity of one member. <see cref="HalfDays"/> is the length in half-days (study, research);
/// visits have 0. The id is derived from the update that recorded it, so a re-run stores it once.
/// </summary>
public sealed record ActivityEntry
{
    public required string Id { get; init; }

    public required ActivityKind Kind { get; init; }

    public required string MemberId { get; init; }

    public required string UnitId { get; init; }

    public required DateOnly Date { get; init; }

    public int HalfDays { get; init; }

    /// <summary>Study form code (collective, self, seminar, film, door); null for other kinds.</summary>
    public string? Form { get; init; }

    /// <summary>A study topic code from campaign.yaml, or "reading" for a required reading.</summary>
    public string? Topic { get; init; }

    /// <summary>Research: where; visit: the household's id.</summary>
    public string? Place { get; init; }

    /// <summary>Study note, research findings, or what was done on a visit.</summary>
    public string? Note { get; init; }

    /// <summary>Research only: opinions collected there.</summary>
    public string? Opinions { get; init; }

    /// <summary>True once the secretary confirmed it (entries a secretary records are confirmed at once).</summary>
    public bool Confirmed { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}

/// <summary>A household a leader pairs with (走亲连心): only a short label, no more personal data than needed.</summary>
public sealed record Household
{
    public const int MaxLabelLength = 20;

    public required string Id { get; init; }

    public required string MemberId { get; init; }

    public required string UnitId { get; init; }

    public required string Label { get; init; }

    public required DateTimeOffset PairedAt { get; init; }
}

/// <summary>A member's reminder choices: the local hour reminders come, and a mute until a date (inclusive).</summary>
public sealed record ReminderSettings
{
    public required string MemberId { get; init; }

    public int? Hour { get; init; }

    public DateOnly? MutedUntil { get; init; }
}
