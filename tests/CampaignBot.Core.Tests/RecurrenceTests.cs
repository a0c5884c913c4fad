using CampaignBot.Core.Scheduling;

namespace CampaignBot.Core.Tests;

/// <summary>Calendar recurrence in the campaign's zone (Cronos): months as the calendar has them, weekdays, hours across clock changes.</summary>
public sealed class RecurrenceTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeOnly Ten = new(10, 0);

    private static DateTimeOffset Local(TimeZoneInfo zone, int year, int month, int day, int hour, int minute = 0)
    {
        var local = new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    private static List<DateTimeOffset> Occurrences(Recurrence rule, DateTimeOffset after, TimeZoneInfo zone, int count)
    {
        var list = new List<DateTimeOffset>();
        for (var at = after; list.Count < count;)
        {
            at = rule.NextAfter(at, zone);
            list.Add(TimeZoneInfo.ConvertTime(at, zone));
        }

        return list;
    }

    [Fact]
    public void A_monthly_rule_on_the_first_comes_on_the_first_of_each_month_february_included()
    {
        var dates = Occurrences(Recurrence.Monthly(1, Ten), Local(Shanghai, 2027, 1, 1, 10), Shanghai, 3);

        Assert.Equal([Local(Shanghai, 2027, 2, 1, 10), Local(Shanghai, 2027, 3, 1, 10), Local(Shanghai, 2027, 4, 1, 10)], dates);
    }

    [Fact]
    public void A_monthly_rule_on_the_31st_comes_on_the_last_day_of_shorter_months()
    {
        var dates = Occurrences(Recurrence.Monthly(31, Ten), Local(Shanghai, 2027, 1, 31, 10), Shanghai, 4);

        Assert.Equal(
            [Local(Shanghai, 2027, 2, 28, 10), Local(Shanghai, 2027, 3, 31, 10), Local(Shanghai, 2027, 4, 30, 10), Local(Shanghai, 2027, 5, 31, 10)],
            dates);
    }

    [Fact]
    public void A_monthly_rule_on_the_30th_keeps_the_30th_in_long_months_and_the_29th_of_february_in_a_leap_year()
    {
        var dates = Occurrences(Recurrence.Monthly(30, Ten), Local(Shanghai, 2028, 1, 30, 10), Shanghai, 3);

        Assert.Equal([Local(Shanghai, 2028, 2, 29, 10), Local(Shanghai, 2028, 3, 30, 10), Local(Shanghai, 2028, 4, 30, 10)], dates);
    }

    [Fact]
    public void A_monthly_rule_crosses_the_year_end()
    {
        var dates = Occurrences(Recurrence.Monthly(31, Ten), Local(Shanghai, 2027, 11, 30, 10), Shanghai, 3);

        Assert.Equal([Local(Shanghai, 2027, 12, 31, 10), Local(Shanghai, 2028, 1, 31, 10), Local(Shanghai, 2028, 2, 29, 10)], dates);
    }

    [Fact]
    public void A_weekly_rule_comes_on_its_weekday_across_the_year_end()
    {
        var dates = Occurrences(Recurrence.Weekly(DayOfWeek.Monday, new TimeOnly(9, 0)), Local(Shanghai, 2027, 12, 25, 12), Shanghai, 3);

        Assert.Equal([Local(Shanghai, 2027, 12, 27, 9), Local(Shanghai, 2028, 1, 3, 9), Local(Shanghai, 2028, 1, 10, 9)], dates);
        Assert.All(dates, d => Assert.Equal(DayOfWeek.Monday, d.DayOfWeek));
    }

    [Fact]
    public void A_daily_rule_keeps_its_local_hour_across_both_clock_changes_of_a_zone_with_summer_time()
    {
        var spring = Occurrences(Recurrence.Daily(new TimeOnly(9, 0)), Local(Berlin, 2027, 3, 27, 9), Berlin, 2);
        var autumn = Occurrences(Recurrence.Daily(new TimeOnly(9, 0)), Local(Berlin, 2027, 10, 30, 9), Berlin, 2);

        Assert.All(spring.Concat(autumn), d => Assert.Equal(9, d.Hour));
        Assert.Equal(TimeSpan.FromHours(23), spring[0] - Local(Berlin, 2027, 3, 27, 9));
        Assert.Equal(TimeSpan.FromHours(25), autumn[0] - Local(Berlin, 2027, 10, 30, 9));
    }

    [Fact]
    public void A_daily_rule_at_a_wall_time_the_clock_skips_fires_once_when_the_clock_resumes()
    {
        var next = Recurrence.Daily(new TimeOnly(2, 30)).NextAfter(Local(Berlin, 2027, 3, 27, 12), Berlin);

        Assert.Equal(new DateTimeOffset(2027, 3, 28, 1, 0, 0, TimeSpan.Zero), next);
    }

    [Fact]
    public void An_hourly_rule_in_a_zone_without_summer_time_is_every_hour() =>
        Assert.Equal(Local(Shanghai, 2027, 12, 31, 23) + TimeSpan.FromHours(1), Recurrence.Hourly.NextAfter(Local(Shanghai, 2027, 12, 31, 23), Shanghai));

    [Fact]
    public void Stored_forms_read_back_to_the_same_rule()
    {
        foreach (var rule in new[] { Recurrence.Monthly(31, Ten), Recurrence.Daily(new TimeOnly(9, 0)), Recurrence.Weekly(DayOfWeek.Friday, new TimeOnly(18, 30)), Recurrence.Hourly })
        {
            Assert.Equal(rule.ToString(), Recurrence.Parse(rule.ToString()).ToString());
        }
    }

    [Fact]
    public void A_malformed_stored_rule_is_refused_with_a_sentence()
    {
        Assert.Contains("not a recurrence", Assert.Throws<FormatException>(() => Recurrence.Parse("monthly:32@10:00")).Message, StringComparison.Ordinal);
        Assert.Contains("not a cron expression", Assert.Throws<FormatException>(() => Recurrence.Parse("cron:61 * * * *")).Message, StringComparison.Ordinal);
    }
}
