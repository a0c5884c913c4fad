using Cronos;

namespace CampaignBot.Core.Scheduling;

/// <summary>
/// When a recurring job comes back, as calendar time in the campaign's zone (Cronos): "cron:0 9 * * *" every day at
/// 09:00, "cron:0 9 * * MON" every Monday, "monthly:31@10:00" on the 31st of each month at 10:00, or the month's last
/// day when it is shorter (31 January → 28 February → 31 March). Daylight saving is Cronos' business: a wall time
/// skipped by a clock change fires when the clock resumes, a repeated one fires once.
/// </summary>
public abstract record Recurrence
{
    private const string CronPrefix = "cron:";
    private const string MonthlyPrefix = "monthly:";
    private const string LegacyPrefix = "interval:";

    /// <summary>The first occurrence strictly after <paramref name="after"/>.</summary>
    public abstract DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone);

    /// <summary>The stored form (see the type's summary).</summary>
    public abstract override string ToString();

    public static Recurrence Daily(TimeOnly at) => new Cron($"{at.Minute} {at.Hour} * * *");

    public static Recurrence Weekly(DayOfWeek day, TimeOnly at) => new Cron($"{at.Minute} {at.Hour} * * {(int)day}");

    public static Recurrence Hourly => new Cron("0 * * * *");

    /// <summary>Each month on <paramref name="day"/> (1–31), clamped to the month's length.</summary>
    public static Recurrence Monthly(int day, TimeOnly at) => new MonthlyOnDay(day, at);

    /// <summary>Reads the stored form; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Recurrence Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.StartsWith(CronPrefix, StringComparison.Ordinal))
        {
            return new Cron(value[CronPrefix.Length..]);
        }

        if (value.StartsWith(MonthlyPrefix, StringComparison.Ordinal)
            && value[MonthlyPrefix.Length..].Split('@') is [var day, var time]
            && int.TryParse(day, NumberStyles.None, CultureInfo.InvariantCulture, out var d) && d is >= 1 and <= 31
            && TimeOnly.TryParseExact(time, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return new MonthlyOnDay(d, at);
        }

        throw new FormatException($"'{value}' is not a recurrence (expected cron:<expression> or monthly:<day>@HH:mm).");
    }

    /// <summary>
    /// A job stored before recurrence was calendar time carries a fixed interval; it becomes the calendar rule it
    /// meant, anchored on its due time: an hour → hourly, a day → daily, a week → weekly, about a month → monthly.
    /// </summary>
    public static Recurrence FromInterval(TimeSpan interval, DateTimeOffset dueAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(dueAt, zone);
        var at = new TimeOnly(local.Hour, local.Minute);
        return interval.TotalDays switch
        {
            < 1 => Hourly,
            < 7 => Daily(at),
            < 28 => Weekly(local.DayOfWeek, at),
            _ => Monthly(local.Day, at),
        };
    }

    /// <summary>The stored form of a legacy fixed interval, read back by <see cref="Of"/>.</summary>
    public static string LegacyInterval(TimeSpan interval) => LegacyPrefix + interval.Ticks.ToString(CultureInfo.InvariantCulture);

    /// <summary>The recurrence of a stored value, legacy intervals included (anchored on the job's due time).</summary>
    public static Recurrence Of(string value, DateTimeOffset dueAt, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.StartsWith(LegacyPrefix, StringComparison.Ordinal)
            && long.TryParse(value[LegacyPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? FromInterval(TimeSpan.FromTicks(ticks), dueAt, zone)
            : Parse(value);
    }

    private sealed record Cron : Recurrence
    {
        private readonly CronExpression _expression;

        public Cron(string expression)
        {
            Expression = expression;
            try
            {
                _expression = CronExpression.Parse(expression);
            }
            catch (CronFormatException ex)
            {
                throw new FormatException($"'{expression}' is not a cron expression: {ex.Message}", ex);
            }
        }

        public string Expression { get; }

        public override DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone) =>
            _expression.GetNextOccurrence(after, zone) ?? throw new InvalidOperationException($"'{Expression}' has no occurrence after {after:O}.");

        public override string ToString() => CronPrefix + Expression;
    }

    private sealed record MonthlyOnDay(int Day, TimeOnly At) : Recurrence
    {
        public override DateTimeOffset NextAfter(DateTimeOffset after, TimeZoneInfo zone)
        {
            // The anchor day where the month has it; the last day in months too short for it.
            var onDay = CronExpression.Parse($"{At.Minute} {At.Hour} {Day} * *").GetNextOccurrence(after, zone);
            DateTimeOffset? clamped = null;
            if (Day > 28)
            {
                var lastDay = CronExpression.Parse($"{At.Minute} {At.Hour} L * *");
                var from = after;
                for (var i = 0; i < 12 && clamped is null; i++)
                {
                    var next = lastDay.GetNextOccurrence(from, zone)!.Value;
                    clamped = TimeZoneInfo.ConvertTime(next, zone).Day < Day ? next : null;
                    from = next;
                }
            }

            return (onDay, clamped) switch
            {
                ({ } a, { } b) => a < b ? a : b,
                ({ } a, null) => a,
                (null, { } b) => b,
                _ => throw new InvalidOperationException($"No monthly occurrence after {after:O}."),
            };
        }

        public override string ToString() => $"{MonthlyPrefix}{Day}@{At.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }
}
