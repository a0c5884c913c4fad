namespace CampaignBot.Core.Features.Inspections;

/// <summary>
/// One random inspection (随机调研): the units drawn at random among the candidates, with the seed and the sorted candidate
/// list recorded, so anyone can recompute the draw (<see cref="InspectionDraw"/>) and see that it was fair. The draw is not
/// announced to the units.
/// </summary>
public sealed record Inspection
{
    /// <summary>"I" and six characters; what people type in /inspect commands.</summary>
    public required string Id { get; init; }

    /// <summary>The unit kinds drawn from; empty: every kind.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>How many units were drawn (at least five: 每次随机调研不少于5个单位).</summary>
    public required int Count { get; init; }

    /// <summary>The seed of the draw: 32 hex characters from a cryptographic random source.</summary>
    public required string Seed { get; init; }

    /// <summary>The candidates in ordinal order of their ids, as they were at the draw: what the shuffle ran over.</summary>
    public required IReadOnlyList<string> Candidates { get; init; }

    /// <summary>Active units of the kinds left out because they were drawn within the last <see cref="ExcludeWeeks"/> weeks.</summary>
    public IReadOnlyList<string> Excluded { get; init; } = [];

    public int ExcludeWeeks { get; init; }

    /// <summary>The drawn units, in draw order.</summary>
    public required IReadOnlyList<string> Units { get; init; }

    public required string DrawnBy { get; init; }

    public required string DrawnByName { get; init; }

    public required DateTimeOffset DrawnAt { get; init; }
}

/// <summary>One line of a unit's checklist (规定动作): what the data says, and what the inspector found.</summary>
public sealed record ChecklistLine(string Code, Text Label, Text Found)
{
    /// <summary>True when the inspector confirmed the data as it stands.</summary>
    public bool Confirmed { get; init; }

    /// <summary>What the inspector found instead, when the data was not right.</summary>
    public string? Correction { get; init; }

    public bool Walked => Confirmed || Correction is not null;
}

/// <summary>A problem the inspector found, and the ledger item opened for it, if any.</summary>
public sealed record Finding(string Text)
{
    public string? LedgerItemId { get; init; }
}

/// <summary>The inspector's overall rating of a unit: 好 / 较好 / 一般 / 差.</summary>
public static class Ratings
{
    public const string Good = "good";
    public const string Fair = "fair";
    public const string Average = "average";
    public const string Poor = "poor";

    public static readonly IReadOnlyList<(string Code, Text Name)> All =
    [
        (Good, new Text("好", "Good")),
        (Fair, new Text("较好", "Quite good")),
        (Average, new Text("一般", "Average")),
        (Poor, new Text("差", "Poor")),
    ];

    public static Text Name(string? code) => All.FirstOrDefault(r => r.Code == code).Name ?? new Text("未评定", "Not rated");
}

/// <summary>A drawn unit's checklist as the inspector completed it: the lines, the findings, the rating.</summary>
public sealed record UnitInspection
{
    public required string InspectionId { get; init; }

    public required string UnitId { get; init; }

    public required IReadOnlyList<ChecklistLine> Lines { get; init; }

    public IReadOnlyList<Finding> Findings { get; init; } = [];

    public required string Rating { get; init; }

    public required string InspectorId { get; init; }

    public required string InspectorName { get; init; }

    public required DateTimeOffset CompletedAt { get; init; }

    public string Id => IdFor(InspectionId, UnitId);

    public static string IdFor(string inspectionId, string unitId) => $"{inspectionId}#{unitId}";
}

/// <summary>That an inspection's bulletin (随机抽查通报) was published, by whom and when: once per inspection.</summary>
public sealed record InspectionBulletinRecord(string InspectionId, string PublishedBy, DateTimeOffset PublishedAt);

/// <summary>
/// The office's decision on a case for organisational handling (组织处理): a unit that failed a stage twice, or left a ledger
/// item overdue past the escalation's last step. One decision per case.
/// </summary>
public sealed record HandlingDecision
{
    /// <summary>The case: "stage:&lt;unit&gt;:&lt;stage&gt;" or "ledger:&lt;unit&gt;:&lt;item&gt;".</summary>
    public required string CaseKey { get; init; }

    public required string UnitId { get; init; }

    /// <summary>Why the unit was on the list, as it read when the decision was taken (in Chinese).</summary>
    public required string Reason { get; init; }

    /// <summary>The same reason in English, as the bot composed it; null in decisions recorded before it was kept.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? ReasonEnglish { get; init; }

    /// <summary>The reason in both languages; an older decision reads its Chinese reason in both.</summary>
    public Text ReasonText() => new(Reason, ReasonEnglish ?? Reason);

    public required string Decision { get; init; }

    /// <summary>
    /// The day the case came on the list, kept so the decided case stays in the list and the unit's history after its cause
    /// is gone (a closed ledger item); null in decisions recorded before it was kept, which read their decision date instead.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? CaseSince { get; init; }

    /// <summary>The date of the decision (a local date, not after the day it was recorded).</summary>
    public required DateOnly DecidedOn { get; init; }

    public required string RecordedBy { get; init; }

    public required DateTimeOffset RecordedAt { get; init; }
}
