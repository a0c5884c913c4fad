namespace CampaignBot.Tests.Configuration;

/// <summary>The unit tree: ids, parents, kinds, loops and whether each unit's activity fits in the campaign.</summary>
public class CampaignUnitErrorTests
{
    [Fact]
    public void A_repeated_unit_id_is_refused()
    {
        var yaml = CampaignFiles.Edit("  - id: university\n", "  - id: dept_organisation\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "    name: 示例市职业技术学院") - 1, error.Line);
        Assert.Contains("units 中的 id “dept_organisation” 重复", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_whose_parent_does_not_exist_is_refused()
    {
        var yaml = CampaignFiles.Edit("    parent: town_chengguan\n", "    parent: town_nowhere\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "parent: town_nowhere"), error.Line);
        Assert.Equal(13, error.Column);
        Assert.StartsWith("单位 village_dongguan 的 parent “town_nowhere” 不存在", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_whose_kind_does_not_exist_is_refused_with_the_kinds_available()
    {
        var yaml = CampaignFiles.Edit("    kind: two_new\n", "    kind: company\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "kind: company"), error.Line);
        Assert.Contains("单位 firm_east_tech 的 kind “company” 不在 unit_kinds 中", error.Message, StringComparison.Ordinal);
        Assert.Contains("two_new", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loop_in_the_unit_tree_is_reported_once_with_its_path()
    {
        var yaml = CampaignFiles.Edit("  - id: city\n    name: 示例市\n    kind: city\n", "  - id: city\n    name: 示例市\n    kind: city\n    parent: village_dongguan\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "parent: village_dongguan"), error.Line);
        Assert.Contains("city → village_dongguan → town_chengguan → county_east → city", error.Message, StringComparison.Ordinal);
        Assert.Contains("形成了循环", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_that_is_its_own_parent_is_a_loop()
    {
        var yaml = CampaignFiles.Edit("    parent: town_chengguan\n", "    parent: village_dongguan\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "parent: village_dongguan"), error.Line);
        Assert.Contains("village_dongguan → village_dongguan", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unit_start_outside_the_campaign_is_refused()
    {
        var yaml = CampaignFiles.Edit("    start: 2027-01-10 ", "    start: 2026-12-20 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "start: 2026-12-20"), error.Line);
        Assert.Equal("单位 district_west 的 start（2026-12-20）不在活动时间 2027-01-01 至 2027-09-30 之内。", error.Message);
    }

    [Fact]
    public void A_unit_starting_too_late_for_three_months_is_refused_and_so_are_its_grassroots_units()
    {
        var yaml = CampaignFiles.Edit("    start: 2027-01-10 ", "    start: 2027-07-10 ");

        var errors = CampaignFiles.Fail(yaml).Errors;

        Assert.Equal(3, errors.Count);
        Assert.Equal(CampaignFiles.LineOf(yaml, "start: 2027-07-10"), errors[0].Line);
        Assert.StartsWith("单位 district_west 从 2027-07-10 开始，到活动结束（2027-09-30）不足 3 个月", errors[0].Message, StringComparison.Ordinal);
        Assert.Equal(CampaignFiles.LineOf(yaml, "  - id: street_xinhua"), errors[1].Line);
        Assert.StartsWith("单位 street_xinhua 从 2027-07-25 开始", errors[1].Message, StringComparison.Ordinal);
        Assert.StartsWith("单位 community_xingfu 从 2027-07-25 开始", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Phases_longer_than_the_time_left_are_refused()
    {
        var yaml = CampaignFiles.Edit("    name: 整改落实、建章立制\n    name_en: Rectification and rules\n    days: 30\n", "    name: 整改落实、建章立制\n    name_en: Rectification and rules\n    days: 200\n");

        var errors = CampaignFiles.Fail(yaml).Errors;

        // Organs starting on 2027-01-01 finish on 2027-09-17 and fit; the grassroots units, half a month later, do not.
        Assert.Equal(CampaignFiles.LineOf(yaml, "  - id: town_chengguan"), errors[0].Line);
        Assert.StartsWith("单位 town_chengguan 从 2027-01-16 开始，3 个环节共 260 天，将在 2027-10-02 结束，晚于活动结束日期 2027-09-30", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Message.StartsWith("单位 city ", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }
}
