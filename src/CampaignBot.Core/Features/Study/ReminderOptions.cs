using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Features.Study;

/// <summary>The "Reminders" section: when deadline reminders and the secretaries' weekly digest go out (its quiet hours are <see cref="QuietHours"/>).</summary>
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

    /// <summary>The day the weekly digest goes out; a number binds too, so one that names no day is refused at start.</summary>
    [EnumDataType(typeof(DayOfWeek), ErrorMessage = "Reminders:DigestDay must be a day of the week (Monday to Sunday).")]
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
    }
}

/// <summary>The reminder hour must lie outside the quiet hours, or no reminder would ever go out on time.</summary>
public sealed class ReminderHourValidator(IOptions<QuietHours> quiet) : IValidateOptions<ReminderOptions>
{
    public ValidateOptionsResult Validate(string? name, ReminderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Hour is < 0 or > 23)
        {
            // Not an hour at all: the range check on Hour says so; here it would throw instead of naming the setting.
            return ValidateOptionsResult.Skip;
        }

        return quiet.Value.IsQuiet(new TimeOnly(options.Hour, 0))
            ? ValidateOptionsResult.Fail($"Reminders:Hour ({options.Hour}) falls in the quiet hours {quiet.Value}; pick an hour outside them.")
            : ValidateOptionsResult.Success;
    }
}
