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
        var yaml = CampaignFiles.Edit("    name: 学习教育、听取意见\n    name_en: Study and listening to opinions\n    days: 30\n", "    name: 学习教育、听取意见\n    name_en: Study and listening to opinions\n    days: 0\n");

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
        var yaml = CampaignFiles.Edit("      name: 满意\n      name_en: Satisfied\n      counts_as_satisfied: true", "      name: 满意\n      name_en: Satisfied\n      counts_as_satisfied: false");
        yaml = CampaignFiles.Edit(yaml, "      name: 基本满意\n      name_en: Basically satisfied\n      counts_as_satisfied: true", "      name: 基本满意\n      name_en: Basically satisfied\n      counts_as_satisfied: false");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "    - code: satisfied"), error.Line);
        Assert.StartsWith("evaluation 的 choices 中没有任何一项写了 counts_as_satisfied: true", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_role_the_program_needs_cannot_be_removed()
    {
        var yaml = CampaignFiles.Edit("  - code: supervisor\n    name: 督导组\n    name_en: Supervision group\n", string.Empty);

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
