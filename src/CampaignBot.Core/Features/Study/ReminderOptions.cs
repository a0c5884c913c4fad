using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Features.Study;

/// <summary>The "Reminders" section: when deadline reminders and the secretaries' weekly digest go out.</summary>
public sealed class ReminderOptions : IValidatableObject
{
    public const string SectionName = "Reminders";

    public bool Enabled { get; set; } = true;

    /// <summary>Days before each unit's deadline on which members still below their minimum are reminded; the final notice is on the day itself.</summary>
    /// <remarks>Empty by default because the configuration binder appends to an array's items; see <see cref="ReminderDays"/>.</remarks>
    public int[] DaysBefore { get; set; } = [];

    /// <summary>The configured days, or 7, 3 and 1 when none are configured.</summary>
    public IReadOnlyList<int> ReminderDays => DaysBefore.Length > 0 ? DaysBefore : [7, 3, 1];

    /// <summary>The local hour reminders go out unless a member picked another with /remind.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 9;

    public TimeOnly QuietStart { get; set; } = new(22, 0);

    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    public DayOfWeek DigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>How long /remind may mute reminders at most.</summary>
    [Range(1, 366)]
    public int MaxMuteDays { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DaysBefore.Any(d => d is < 1 or > 90))
        {
            yield return new ValidationResult("Reminders:DaysBefore must hold whole days from 1 to 90 (e.g. [7, 3, 1]).", [nameof(DaysBefore)]);
        }

        if (IsQuiet(new TimeOnly(Hour, 0)))
        {
            yield return new ValidationResult($"Reminders:Hour ({Hour}) falls in the quiet hours {QuietStart:HH\\:mm}–{QuietEnd:HH\\:mm}; pick an hour outside them.", [nameof(Hour)]);
        }
    }

    public bool IsQuiet(TimeOnly time) =>
        QuietStart > QuietEnd ? time >= QuietStart || time < QuietEnd : time >= QuietStart && time < QuietEnd;
}
