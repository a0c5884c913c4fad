using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests;

public sealed class ScheduledJobTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static ScheduledJob Job(TimeSpan? interval) => new() { Id = "j", Kind = "k", Payload = "{}", DueAt = T0, Interval = interval };

    [Fact]
    public void A_one_shot_job_has_no_next_due_time() => Assert.Null(Job(null).NextDueAfter(T0));

    [Fact]
    public void A_recurring_job_fired_on_time_moves_one_interval_on() =>
        Assert.Equal(T0 + TimeSpan.FromHours(1), Job(TimeSpan.FromHours(1)).NextDueAfter(T0));

    [Fact]
    public void After_three_days_of_downtime_the_next_due_time_is_the_first_on_the_grid_after_now()
    {
        var now = T0 + TimeSpan.FromDays(3) + TimeSpan.FromMinutes(59);

        Assert.Equal(T0 + TimeSpan.FromDays(3) + TimeSpan.FromHours(1), Job(TimeSpan.FromHours(1)).NextDueAfter(now));
    }

    [Fact]
    public void A_now_exactly_on_the_grid_moves_to_the_next_point() =>
        Assert.Equal(T0 + TimeSpan.FromHours(3), Job(TimeSpan.FromHours(1)).NextDueAfter(T0 + TimeSpan.FromHours(2)));
}
