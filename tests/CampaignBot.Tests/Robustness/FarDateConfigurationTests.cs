using CampaignBot.Configuration;
using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Robustness;

/// <summary>
/// The cases the configuration properties found: dates and counts that run past the calendar's last day (9999-12-31)
/// threw from the loader, so the host died with a stack trace instead of naming the line.
/// </summary>
public sealed class FarDateConfigurationTests
{
    private static readonly string Shipped = File.ReadAllText(CampaignFiles.ShippedPath);

    [Fact]
    public void A_superior_starting_on_the_last_day_there_is_is_refused_naming_it_and_the_units_below()
    {
        var error = Refused(Shipped.Replace("    start: 2027-01-10 ", "    start: 9999-12-31 ", StringComparison.Ordinal));

        Assert.Contains(error.Errors, e => e.Message.Contains("单位 district_west 的 start（9999-12-31）不在活动时间", StringComparison.Ordinal));
        Assert.Contains(error.Errors, e => e.Message.Contains("单位 street_xinhua 按上级的 start", StringComparison.Ordinal) && e.Line is not null);
    }

    [Fact]
    public void A_start_offset_past_the_last_day_there_is_is_refused_naming_the_units_of_that_kind()
    {
        var error = Refused(Shipped.Replace("    start_offset_days: 15", "    start_offset_days: 2000000000", StringComparison.Ordinal));

        Assert.Contains(error.Errors, e => e.Message.Contains("单位 town_chengguan 按上级的 start 和 unit_kinds 的 start_offset_days 推算，从 9999-12-31 开始", StringComparison.Ordinal));
    }

    [Fact]
    public void Phases_of_absurd_length_are_refused_not_thrown()
    {
        var error = Refused(Shipped.Replace("    days: 30", "    days: 2000000000", StringComparison.Ordinal));

        Assert.Contains(error.Errors, e => e.Message.Contains("个环节共 6000000000 天，将在 9999-12-31 以后", StringComparison.Ordinal));
    }

    [Fact]
    public void A_campaign_ending_on_the_last_day_there_is_is_read_as_a_very_long_campaign()
    {
        var campaign = CampaignLoader.LoadFromText(Shipped.Replace("  end: 2027-09-30", "  end: 9999-12-31", StringComparison.Ordinal), "campaign.yaml");

        Assert.Equal(new DateOnly(9999, 12, 31), campaign.End);
    }

    [Fact]
    public void A_minimum_of_more_months_than_the_calendar_holds_is_refused_not_thrown()
    {
        var error = Refused(Shipped.Replace("  minimum_unit_months: 3 ", "  minimum_unit_months: 2000000000 ", StringComparison.Ordinal));

        Assert.Contains(error.Errors, e => e.Message.Contains("不足 2000000000 个月", StringComparison.Ordinal));
    }

    private static CampaignConfigException Refused(string yaml)
    {
        var error = Assert.Throws<CampaignConfigException>(() => CampaignLoader.LoadFromText(yaml, "campaign.yaml"));
        Assert.StartsWith("活动配置文件 campaign.yaml 有 ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.Message, StringComparison.Ordinal);
        return error;
    }
}
