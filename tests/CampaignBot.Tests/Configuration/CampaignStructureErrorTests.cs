namespace CampaignBot.Tests.Configuration;

/// <summary>Readable YAML whose keys, sections or value types are wrong.</summary>
public class CampaignStructureErrorTests
{
    [Fact]
    public void An_unknown_key_is_reported_with_the_keys_that_are_allowed_there()
    {
        var yaml = CampaignFiles.Edit("  minimum_unit_months: 3 ", "  owner: 活动办\n  minimum_unit_months: 3 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  owner: 活动办"), error.Line);
        Assert.Equal(3, error.Column);
        Assert.Contains("campaign 中有未知的键 owner", error.Message, StringComparison.Ordinal);
        Assert.Contains("time_zone", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_top_level_section_is_reported_as_unknown_and_the_real_one_as_missing()
    {
        var yaml = CampaignFiles.Edit("\nfocuses:\n", "\nfocusses:\n");

        var errors = CampaignFiles.Fail(yaml).Errors;

        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Line == CampaignFiles.LineOf(yaml, "focusses:") && e.Message.Contains("顶层有未知的键 focusses", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Message == "缺少必填的部分 focuses。");
    }

    [Fact]
    public void A_missing_section_is_named_at_the_start_of_the_file()
    {
        var yaml = CampaignFiles.Edit(
            "four_winds:\n  - code: formalism\n    name: 形式主义\n    name_en: Formalism\n  - code: bureaucratism\n    name: 官僚主义\n    name_en: Bureaucratism\n  - code: hedonism\n    name: 享乐主义\n    name_en: Hedonism\n  - code: extravagance\n    name: 奢靡之风\n    name_en: Extravagance\n",
            string.Empty);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "campaign:\n  name"), error.Line);
        Assert.Equal("缺少必填的部分 four_winds。", error.Message);
    }

    [Fact]
    public void A_missing_key_in_a_list_item_names_the_item_and_the_key()
    {
        var yaml = CampaignFiles.Edit("    name: 乡科级干部\n    name_en: Township and section level\n", string.Empty);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  - code: section"), error.Line);
        Assert.Equal("ranks 第 2 项 缺少必填的键 name。", error.Message);
    }

    [Fact]
    public void Text_where_a_number_is_wanted_is_refused_with_the_text_shown()
    {
        var yaml = CampaignFiles.Edit("    study_days: 5\n", "    study_days: 五天\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "study_days: 五天"), error.Line);
        Assert.Equal(17, error.Column);
        Assert.Equal("ranks 第 2 项 的 study_days 应为整数，实际是“五天”。", error.Message);
    }

    [Fact]
    public void A_date_in_the_wrong_format_is_refused_with_an_example()
    {
        var yaml = CampaignFiles.Edit("  start: 2027-01-01 ", "  start: 2027年1月1日 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "2027年1月1日"), error.Line);
        Assert.Contains("campaign 的 start 应为日期，格式如 2027-01-01", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yes_no_flag_written_in_chinese_is_refused()
    {
        var yaml = CampaignFiles.Edit("    name: 村社区\n    name_en: Village or community\n    start_offset_days: 15\n    writes_report: false", "    name: 村社区\n    name_en: Village or community\n    start_offset_days: 15\n    writes_report: 否");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "writes_report: 否"), error.Line);
        Assert.Contains("unit_kinds 第 5 项 的 writes_report 应为 true 或 false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_value_where_a_list_is_wanted_is_refused()
    {
        var yaml = CampaignFiles.Edit(
            "focuses:\n  - code: thinking\n    name: 思想正不正\n    name_en: Is the thinking sound\n  - code: work_style\n    name: 作风实不实\n    name_en: Is the work style solid\n  - code: ability\n    name: 能力足不足\n    name_en: Is the ability sufficient\n",
            "focuses: 思想正不正、作风实不实、能力足不足\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "focuses: 思想正不正"), error.Line);
        Assert.Contains("focuses 应为列表", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_value_left_empty_is_refused()
    {
        var yaml = CampaignFiles.Edit("    name: 东县城关镇\n", "    name:\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  - id: town_chengguan") + 1, error.Line);
        Assert.Equal("units 第 4 项 的 name 不能为空。", error.Message);
    }

    [Fact]
    public void A_code_in_chinese_is_refused_because_codes_travel_in_commands()
    {
        var yaml = CampaignFiles.Edit("  - code: hedonism\n", "  - code: 享乐\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "code: 享乐"), error.Line);
        Assert.Contains("four_winds 中的 code “享乐” 只能由英文字母", error.Message, StringComparison.Ordinal);
    }
}
