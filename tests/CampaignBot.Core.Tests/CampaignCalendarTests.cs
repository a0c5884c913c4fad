using CampaignBot.Core.Campaign;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests;

public sealed class CampaignCalendarTests
{
    private readonly CampaignCalendar _calendar = new(TestCampaign.Create());

    [Fact]
    public void Phase_ends_follow_the_units_own_start()
    {
        Assert.Equal(new DateOnly(2027, 1, 30), _calendar.PhaseEnd("county_east", "study_listen"));
        Assert.Equal(new DateOnly(2027, 3, 1), _calendar.PhaseEnd("county_east", "examine_criticise"));
        Assert.Equal(new DateOnly(2027, 3, 16), _calendar.PhaseEnd("village_dongguan", "examine_criticise"));
    }

    [Fact]
    public void Today_is_the_date_in_the_campaigns_zone() =>
        Assert.Equal(new DateOnly(2027, 3, 2), _calendar.Today(new DateTimeOffset(2027, 3, 1, 17, 0, 0, TimeSpan.Zero)));

    [Fact]
    public void A_local_wall_time_becomes_the_right_instant() =>
        Assert.Equal(new DateTimeOffset(2027, 3, 1, 0, 0, 0, TimeSpan.Zero), _calendar.At(new DateOnly(2027, 3, 1), new TimeOnly(8, 0)));

    [Theory]
    [InlineData("2027-03-01T15:00:00Z", "2027-03-02T00:00:00Z")] // 23:00 local -> 08:00 next morning
    [InlineData("2027-02-28T22:00:00Z", "2027-03-01T00:00:00Z")] // 06:00 local -> 08:00 the same morning
    [InlineData("2027-03-01T03:00:00Z", "2027-03-01T03:00:00Z")] // 11:00 local is not quiet
    [InlineData("2027-03-01T13:59:00Z", "2027-03-01T13:59:00Z")] // 21:59 local is not quiet yet
    public void Quiet_hours_defer_to_the_morning(string at, string expected)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var allowed = _calendar.NotInQuietHours(instant, new TimeOnly(22, 0), new TimeOnly(8, 0));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), allowed);
    }

    [Theory]
    [InlineData("2027-03-01T15:00:00Z", "2027-03-01T13:30:00Z")] // 23:00 local -> 21:30 the same evening
    [InlineData("2027-02-28T22:00:00Z", "2027-02-28T13:30:00Z")] // 06:00 local -> 21:30 the evening before
    [InlineData("2027-03-01T03:00:00Z", "2027-03-01T03:00:00Z")] // 11:00 local is not quiet
    public void A_notice_due_before_a_deadline_moves_before_the_quiet_hours(string at, string expected)
    {
        var instant = DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture);

        var moved = _calendar.BeforeQuietHours(instant, new TimeOnly(22, 0), new TimeOnly(8, 0));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), moved);
    }
}
