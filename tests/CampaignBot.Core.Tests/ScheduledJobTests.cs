using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests;

public sealed class ScheduledJobTests
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 1, 0, 0, TimeSpan.Zero); // 09:00 in Shanghai

    private static ScheduledJob Job(string? recurrence) => new() { Id = "j", Kind = "k", Payload = "{}", DueAt = T0, Recurrence = recurrence };

    [Fact]
    public void A_features_recurring_job_is_filed_under_its_kind_and_carries_nothing() =>
        Assert.Equal(
            new ScheduledJob { Id = "ledger-daily", Kind = "ledger-daily", Payload = "{}", DueAt = T0, Recurrence = "cron:0 9 * * *" },
            ScheduledJob.Recurring("ledger-daily", T0, "cron:0 9 * * *"));

    [Fact]
    public void A_one_shot_job_has_no_next_due_time() => Assert.Null(Job(null).NextDueAfter(T0, Shanghai));

    [Fact]
    public void A_daily_job_fired_on_time_moves_to_the_same_hour_next_day() =>
        Assert.Equal(T0.AddDays(1), Job(Recurrence.Daily(new TimeOnly(9, 0)).ToString()).NextDueAfter(T0, Shanghai));

    [Fact]
    public void After_three_days_of_downtime_the_next_due_time_is_the_first_occurrence_after_now()
    {
        var now = T0 + TimeSpan.FromDays(3) + TimeSpan.FromMinutes(59);

        Assert.Equal(T0 + TimeSpan.FromDays(3) + TimeSpan.FromHours(1), Job(Recurrence.Hourly.ToString()).NextDueAfter(now, Shanghai));
    }

    [Fact]
    public void A_now_exactly_on_an_occurrence_moves_to_the_next_one() =>
        Assert.Equal(T0 + TimeSpan.FromHours(3), Job(Recurrence.Hourly.ToString()).NextDueAfter(T0 + TimeSpan.FromHours(2), Shanghai));

    [Fact]
    public void A_job_stored_with_a_thirty_day_interval_becomes_a_calendar_month_on_its_day()
    {
        var job = Job(Recurrence.LegacyInterval(TimeSpan.FromDays(30))) with { DueAt = new DateTimeOffset(2027, 1, 31, 2, 0, 0, TimeSpan.Zero) };

        Assert.Equal(new DateTimeOffset(2027, 2, 28, 2, 0, 0, TimeSpan.Zero), job.NextDueAfter(job.DueAt, Shanghai));
    }
}
