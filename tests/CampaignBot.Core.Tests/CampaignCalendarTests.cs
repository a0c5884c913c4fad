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
    public void The_campaign_ends_at_the_midnight_after_its_last_day_in_its_zone()
    {
        var campaign = TestCampaign.Create();

        Assert.Equal(new DateTimeOffset(campaign.End.AddDays(1), TimeOnly.MinValue, TimeSpan.FromHours(8)), _calendar.EndsAt);
        Assert.False(_calendar.HasEnded(_calendar.EndsAt.AddTicks(-1)));
        Assert.True(_calendar.HasEnded(_calendar.EndsAt));
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

public sealed class StudyMinimumTests
{
    private static readonly Campaign.CampaignDefinition Campaign = CampaignBot.Tests.Shared.TestCampaign.Create() with
    {
        Units =
        [
            new("county_east", "东县", "county", null, new DateOnly(2027, 1, 1), OrdinaryStudyDays: 4),
            new("village_dongguan", "东关村", "village", "county_east", new DateOnly(2027, 1, 16)),
            new("village_west", "西村", "village", "county_east", new DateOnly(2027, 1, 16), OrdinaryStudyDays: 2),
        ],
    };

    [Fact]
    public void A_ranks_own_minimum_wins_over_the_units() =>
        Assert.Equal(7, Campaign.StudyDaysFor(Campaign.FindRank("county")!, "village_west"));

    [Fact]
    public void Where_the_unit_decides_the_nearest_unit_up_the_tree_that_set_a_minimum_counts()
    {
        var ordinary = Campaign.FindRank("ordinary")!;

        Assert.Equal(2, Campaign.StudyDaysFor(ordinary, "village_west"));
        Assert.Equal(4, Campaign.StudyDaysFor(ordinary, "village_dongguan"));
    }

    [Fact]
    public void With_no_unit_setting_a_minimum_there_is_none() =>
        Assert.Null(CampaignBot.Tests.Shared.TestCampaign.Create().StudyDaysFor(Campaign.FindRank("ordinary")!, "village_dongguan"));
}
