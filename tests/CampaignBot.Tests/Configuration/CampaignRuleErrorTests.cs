namespace CampaignBot.Tests.Configuration;

/// <summary>Well-formed files that break a rule of the campaign: codes, dates, minimums, the vote.</summary>
public class CampaignRuleErrorTests
{
    [Fact]
    public void A_repeated_code_is_reported_with_the_line_that_used_it_first()
    {
        var yaml = CampaignFiles.Edit("  - code: practice\n", "  - code: theory\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "    name: 实践体验") - 1, error.Line);
        var first = CampaignFiles.LineOf(yaml, "    name: 理论宣讲") - 1;
        Assert.Equal($"study_topics 中的 code “theory” 重复，第 {first} 行已经用过；code 必须各不相同。", error.Message);
    }

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
        var yaml = CampaignFiles.Edit("    name: 整改落实、建章立制\n    days: 30\n", "    name: 整改落实、建章立制\n    days: 200\n");

        var errors = CampaignFiles.Fail(yaml).Errors;

        // Organs starting on 2027-01-01 finish on 2027-09-17 and fit; the grassroots units, half a month later, do not.
        Assert.Equal(CampaignFiles.LineOf(yaml, "  - id: town_chengguan"), errors[0].Line);
        Assert.StartsWith("单位 town_chengguan 从 2027-01-16 开始，3 个环节共 260 天，将在 2027-10-02 结束，晚于活动结束日期 2027-09-30", errors[0].Message, StringComparison.Ordinal);
        Assert.DoesNotContain(errors, e => e.Message.StartsWith("单位 city ", StringComparison.Ordinal));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void An_end_before_the_start_is_refused()
    {
        var yaml = CampaignFiles.Edit("  end: 2027-09-30 ", "  end: 2026-09-30 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "end: 2026-09-30"), error.Line);
        Assert.Equal("campaign 的 end（2026-09-30）早于 start（2027-01-01）；结束日期必须在开始日期之后。", error.Message);
    }

    [Fact]
    public void A_campaign_shorter_than_the_minimum_months_of_a_unit_is_one_error()
    {
        var yaml = CampaignFiles.Edit("  end: 2027-09-30 ", "  end: 2027-03-30 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "end: 2027-03-30"), error.Line);
        Assert.StartsWith("campaign 从 2027-01-01 到 2027-03-30 不足 3 个月", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_with_an_example()
    {
        var yaml = CampaignFiles.Edit("  time_zone: Asia/Shanghai ", "  time_zone: Asia/Beijing ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "Asia/Beijing"), error.Line);
        Assert.Equal("campaign 的 time_zone “Asia/Beijing” 不是已知的时区；请写 IANA 时区名，例如 Asia/Shanghai。", error.Message);
    }

    [Fact]
    public void A_negative_minimum_is_refused()
    {
        var yaml = CampaignFiles.Edit("    household_visits: 5\n", "    household_visits: -5\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "household_visits: -5"), error.Line);
        Assert.Equal("ranks 第 1 项 的 household_visits 不能为负数，实际是 -5。", error.Message);
    }

    [Fact]
    public void A_phase_of_zero_days_is_refused()
    {
        var yaml = CampaignFiles.Edit("    name: 学习教育、听取意见\n    days: 30\n", "    name: 学习教育、听取意见\n    days: 0\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "    days: 0"), error.Line);
        Assert.Equal("phases 第 1 项 的 days 至少为 1，实际是 0。", error.Message);
    }

    [Theory]
    [InlineData("80")]
    [InlineData("-0.1")]
    [InlineData("1.5")]
    public void A_pass_share_outside_zero_to_one_is_refused(string share)
    {
        var yaml = CampaignFiles.Edit("minimum_satisfied_share: 0.8", "minimum_satisfied_share: " + share);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "minimum_satisfied_share: " + share), error.Line);
        Assert.Equal($"evaluation.pass_rule 的 minimum_satisfied_share 应在 0 到 1 之间（0.8 表示 80%），实际是 {share}。", error.Message);
    }

    [Fact]
    public void Choices_with_none_counting_as_satisfied_are_refused()
    {
        var yaml = CampaignFiles.Edit("      name: 满意\n      counts_as_satisfied: true", "      name: 满意\n      counts_as_satisfied: false");
        yaml = CampaignFiles.Edit(yaml, "      name: 基本满意\n      counts_as_satisfied: true", "      name: 基本满意\n      counts_as_satisfied: false");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "    - code: satisfied"), error.Line);
        Assert.StartsWith("evaluation 的 choices 中没有任何一项写了 counts_as_satisfied: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_the_program_needs_cannot_be_removed()
    {
        var yaml = CampaignFiles.Edit("  - code: supervisor\n    name: 督导组\n", string.Empty);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  - code: office"), error.Line);
        Assert.StartsWith("roles 缺少程序要用的角色：supervisor", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_in_line_order()
    {
        var yaml = CampaignFiles.Edit("  time_zone: Asia/Shanghai ", "  time_zone: Mars/Olympus ");
        yaml = CampaignFiles.Edit(yaml, "    study_days: 7\n", "    study_days: 七\n");
        yaml = CampaignFiles.Edit(yaml, "    kind: two_new\n", "    kind: company\n");

        var ex = CampaignFiles.Fail(yaml);

        Assert.Equal(
            [CampaignFiles.LineOf(yaml, "Mars/Olympus"), CampaignFiles.LineOf(yaml, "study_days: 七"), CampaignFiles.LineOf(yaml, "kind: company")],
            ex.Errors.Select(e => e.Line!.Value));
        Assert.StartsWith("活动配置文件 test.yaml 有 3 处错误：", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"test.yaml 第 {ex.Errors[1].Line} 行第 17 列：ranks 第 1 项 的 study_days 应为整数", ex.Message, StringComparison.Ordinal);
    }
}
