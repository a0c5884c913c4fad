namespace CampaignBot.Core.Features.Study;

/// <summary>A reminder occasion: a local date and a key that names it in the idempotency key of what it sends.</summary>
public sealed record ReminderSlot(DateOnly Date, string Key, int DaysLeft);

/// <summary>Which slot applies on a day. Pure: the same dates always give the same slots, on every instance.</summary>
public static class ReminderSlots
{
    /// <summary>
    /// The latest slot on or before <paramref name="today"/> for a unit whose deadline is <paramref name="deadline"/>;
    /// null before the first slot and after the deadline. Taking only the latest is what makes downtime yield one catch-up.
    /// </summary>
    public static ReminderSlot? Latest(DateOnly today, DateOnly deadline, IReadOnlyCollection<int> daysBefore)
    {
        if (today > deadline)
        {
            return null;
        }

        var stamp = deadline.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        if (today == deadline)
        {
            return new ReminderSlot(deadline, $"{stamp}-final", 0);
        }

        var due = daysBefore.Where(n => deadline.AddDays(-n) <= today).DefaultIfEmpty(-1).Min();
        return due < 0 ? null : new ReminderSlot(deadline.AddDays(-due), $"{stamp}-d{due}", deadline.DayNumber - today.DayNumber);
    }

    /// <summary>This week's digest date (the last <paramref name="day"/> on or before today), while the unit's deadline is not past.</summary>
    public static ReminderSlot? Digest(DateOnly today, DateOnly unitStart, DateOnly deadline, DayOfWeek day)
    {
        var back = ((int)today.DayOfWeek - (int)day + 7) % 7;
        var date = today.AddDays(-back);
        return date < unitStart || date > deadline
            ? null
            : new ReminderSlot(date, "digest-" + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture), deadline.DayNumber - today.DayNumber);
    }
}
