using Cronos;

namespace CampaignBot.Core.Features.Contacts;

/// <summary>The "Contacts" section: when contact leaders get their units' weekly summary (cron, campaign time zone).</summary>
public sealed class ContactOptions
{
    public const string SectionName = "Contacts";

    /// <summary>Default every Monday at 09:00.</summary>
    public string WeeklyCron { get; set; } = "0 9 * * MON";
}

public sealed class ContactOptionsValidator : IValidateOptions<ContactOptions>
{
    public ValidateOptionsResult Validate(string? name, ContactOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return CronExpression.TryParse(options.WeeklyCron, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Contacts:WeeklyCron '{options.WeeklyCron}' is not a cron expression (minute hour day month weekday, e.g. \"0 9 * * MON\").");
    }
}
