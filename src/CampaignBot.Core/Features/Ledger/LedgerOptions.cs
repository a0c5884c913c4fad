using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Features.Ledger;

/// <summary>The "Ledger" section: deadline reminders and the escalation of overdue items.</summary>
public sealed class LedgerOptions : IValidatableObject
{
    public const string SectionName = "Ledger";

    /// <summary>Days before the deadline on which the lead leader is reminded (7, 3 and 1 when none are configured).</summary>
    public int[] DaysBefore { get; set; } = [];

    public IReadOnlyList<int> ReminderDays => DaysBefore.Length > 0 ? DaysBefore : [7, 3, 1];

    /// <summary>An overdue item goes one step up (secretary, supervisor, office) every this many days.</summary>
    [Range(1, 60)]
    public int EscalationDays { get; set; } = 3;

    /// <summary>The local hour the daily ledger job runs (reminders, overdue, escalation); must be outside the quiet hours.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 9;

    public int MaxTextLength { get; set; } = 500;

    /// <summary>The largest photo or document taken as evidence, in MB (Telegram's bots can fetch up to 20 MB).</summary>
    [Range(1, 1024)]
    public int EvidenceMaxMegabytes { get; set; } = 20;

    public long EvidenceMaxBytes => EvidenceMaxMegabytes * 1024L * 1024L;

    /// <summary>How many times a file's fetch is tried (with 1, 5, 30 minutes, then 2 hours between) before it is marked failed.</summary>
    [Range(1, 20)]
    public int EvidenceFetchAttempts { get; set; } = 5;

    /// <summary>How long one fetch of a file may take.</summary>
    [Range(5, 3600)]
    public int EvidenceFetchTimeoutSeconds { get; set; } = 120;

    /// <summary>The evidence store's folder; empty: "evidence" beside the SQLite file (or data/evidence with MongoDB).</summary>
    public string EvidenceFolder { get; set; } = string.Empty;

    /// <summary>The evaluation stage (整改落实评判) whose ballot shows the unit's ledger summary.</summary>
    public string BriefingStage { get; set; } = "rectification";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaysBefore.Any(d => d is < 1 or > 90))
        {
            yield return new ValidationResult("Ledger:DaysBefore must hold whole days from 1 to 90 (e.g. [7, 3, 1]).", [nameof(DaysBefore)]);
        }

        if (MaxTextLength is < 50 or > 2000)
        {
            yield return new ValidationResult("Ledger:MaxTextLength must be between 50 and 2000.", [nameof(MaxTextLength)]);
        }
    }
}
