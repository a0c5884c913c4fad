namespace CampaignBot.Core.Scheduling;

/// <summary>
/// When nobody is woken by the bot (settings <c>Reminders:QuietStart</c> and <c>Reminders:QuietEnd</c>, on the
/// campaign's clock): shared by every capability that sends on its own, such as study reminders and evaluation turnout reminders.
/// </summary>
public sealed class QuietHours
{
    public const string SectionName = "Reminders";

    public TimeOnly QuietStart { get; set; } = new(22, 0);

    public TimeOnly QuietEnd { get; set; } = new(8, 0);

    public bool IsQuiet(TimeOnly time) =>
        QuietStart > QuietEnd ? time >= QuietStart || time < QuietEnd : time >= QuietStart && time < QuietEnd;

    /// <summary><paramref name="instant"/>, or the end of the quiet hours it falls in (for a notice that may wait).</summary>
    public DateTimeOffset NotIn(DateTimeOffset instant, CampaignCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.NotInQuietHours(instant, QuietStart, QuietEnd);
    }

    /// <summary><paramref name="instant"/>, or a little before the quiet hours it falls in began (for a notice that must come before a deadline).</summary>
    public DateTimeOffset Before(DateTimeOffset instant, CampaignCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.BeforeQuietHours(instant, QuietStart, QuietEnd);
    }

    public override string ToString() => $"{QuietStart:HH\\:mm}–{QuietEnd:HH\\:mm}";
}
