using Cronos;

namespace CampaignBot.Core.Features.Bulletins;

/// <summary>The "Bulletins" section: when the monthly dispatch is asked and the monthly bulletin drafted (cron, campaign time zone).</summary>
public sealed class BulletinOptions
{
    public const string SectionName = "Bulletins";

    /// <summary>When secretaries get the monthly dispatch form (月调度); default the 25th at 10:00.</summary>
    public string DispatchCron { get; set; } = "0 10 25 * *";

    /// <summary>When the office gets the draft of last month's bulletin (月通报) to preview and publish; default the 1st at 10:00.</summary>
    public string BulletinCron { get; set; } = "0 10 1 * *";

    /// <summary>How many units at the bottom of the ranking are named (倒排名).</summary>
    public int BottomCount { get; set; } = 3;

    /// <summary>At most this many lines of practical things done (办实事) per dispatch.</summary>
    public int MaxLines { get; set; } = 5;

    public int MaxLineLength { get; set; } = 100;
}

public sealed class BulletinOptionsValidator : IValidateOptions<BulletinOptions>
{
    public ValidateOptionsResult Validate(string? name, BulletinOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        foreach (var (setting, value) in new[] { ("DispatchCron", options.DispatchCron), ("BulletinCron", options.BulletinCron) })
        {
            if (!CronExpression.TryParse(value, out _))
            {
                errors.Add($"Bulletins:{setting} '{value}' is not a cron expression (minute hour day month weekday, e.g. \"0 10 25 * *\").");
            }
        }

        if (options.BottomCount is < 0 or > 50)
        {
            errors.Add("Bulletins:BottomCount must be between 0 and 50.");
        }

        if (options.MaxLines is < 1 or > 20 || options.MaxLineLength is < 10 or > 500)
        {
            errors.Add("Bulletins:MaxLines must be 1–20 and Bulletins:MaxLineLength 10–500.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
