using CampaignBot.Core.Pipeline;

namespace CampaignBot.WeCom.Tests;

public sealed class LimitsAndRobotOptionsTests
{
    private static WeComOptions Valid() => new()
    {
        CorpId = "wwcampaign000001",
        AgentId = 1000002,
        Secret = "s",
        Token = "t",
        EncodingAESKey = Crypto.OfficialSampleTests.EncodingAesKey,
        GroupRobots = new Dictionary<string, string> { ["east-group"] = "key-east" },
    };

    [Fact]
    public void Default_pace_is_thirty_a_minute_and_a_thousand_an_hour_per_member_and_twenty_a_minute_per_robot()
    {
        var limits = Valid().Limits;

        Assert.Equal(new RateLimit(30, TimeSpan.FromMinutes(1)), limits.PerPrivateChat);
        Assert.Equal(new RateLimit(1000, TimeSpan.FromHours(1)), limits.PerPrivateChatWindow);
        Assert.Equal(new RateLimit(20, TimeSpan.FromMinutes(1)), limits.PerGroup);
        Assert.False(limits.Global.IsLimited);
    }

    [Theory]
    [InlineData(0, 1000, 20, "WeCom:MemberPerMinute")]
    [InlineData(30, -1, 20, "WeCom:MemberPerHour")]
    [InlineData(30, 1000, 0, "WeCom:RobotPerMinute")]
    public void A_pace_below_one_is_refused_with_a_sentence_naming_it(int perMinute, int perHour, int robot, string named)
    {
        var options = Valid();
        options.MemberPerMinute = perMinute;
        options.MemberPerHour = perHour;
        options.RobotPerMinute = robot;

        var result = new WeComOptionsValidator().Validate(null, options);

        Assert.Contains(named, Assert.Single(result.Failures!), StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_unit_for_a_robot_without_a_key_is_refused_naming_the_missing_key()
    {
        var options = Valid();
        options.RobotUnits["west-group"] = "county_west";

        var result = new WeComOptionsValidator().Validate(null, options);

        var failure = Assert.Single(result.Failures!);
        Assert.Contains("WeCom:RobotUnits:west-group", failure, StringComparison.Ordinal);
        Assert.Contains("WeCom__GroupRobots__west-group", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void A_robot_unit_naming_a_configured_robot_is_valid()
    {
        var options = Valid();
        options.RobotUnits["east-group"] = "county_east";

        Assert.True(new WeComOptionsValidator().Validate(null, options).Succeeded);
    }
}
