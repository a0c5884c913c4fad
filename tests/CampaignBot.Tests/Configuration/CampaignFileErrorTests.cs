using System.Text;
using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

/// <summary>Files that are not readable YAML text at all.</summary>
public class CampaignFileErrorTests
{
    [Fact]
    public void Yaml_syntax_error_names_the_line_and_column_from_the_parser()
    {
        var yaml = CampaignFiles.Edit("  time_zone: Asia/Shanghai ", "  time_zone: 时区: Asia/Shanghai ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "时区: Asia/Shanghai"), error.Line);
        Assert.Equal(16, error.Column);
        Assert.Contains("YAML 格式错误", error.Message, StringComparison.Ordinal);
        Assert.Contains("缩进", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stray_brace_that_trips_the_parser_still_gets_a_line()
    {
        var yaml = CampaignFiles.Edit("    kind: state_enterprise\n    parent: city\n\n", "    kind: state_enterprise\n    parent: city\n{\n\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "\n{\n") + 1, error.Line);
        Assert.StartsWith("YAML 格式错误", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_written_twice_is_reported_at_its_second_occurrence()
    {
        var yaml = CampaignFiles.Edit("  end: 2027-09-30 ", "  end: 2027-08-30\n  end: 2027-09-30 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  end: 2027-09-30 "), error.Line);
        Assert.Contains("重复的键", error.Message, StringComparison.Ordinal);
        Assert.Contains("end", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# 只有注释\n# 没有内容\n")]
    public void Empty_text_is_refused_with_a_sentence_saying_so(string yaml)
    {
        var error = CampaignFiles.SingleError(yaml);

        Assert.Null(error.Line);
        Assert.Contains("配置文件是空的", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("test.yaml：", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_on_disk_is_refused()
    {
        var path = CampaignFiles.WriteTemp([]);
        try
        {
            var ex = Assert.Throws<CampaignConfigException>(() => CampaignLoader.Load(path));

            Assert.Contains("配置文件是空的", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
            Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    [Fact]
    public void A_missing_file_is_refused_with_its_full_path()
    {
        var path = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"), "campaign.yaml");

        var ex = Assert.Throws<CampaignConfigException>(() => CampaignLoader.Load(path));

        var error = Assert.Single(ex.Errors);
        Assert.Null(error.Line);
        Assert.Contains("找不到配置文件", error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_saved_as_gbk_is_refused_as_not_utf8_at_the_line_of_the_first_bad_byte()
    {
        // "中" in GBK is D6 D0, which is not valid UTF-8.
        var bytes = Encoding.UTF8.GetBytes("campaign:\n  time_zone: Asia/Shanghai\n  name: ").Concat(new byte[] { 0xD6, 0xD0, (byte)'\n' }).ToArray();
        var path = CampaignFiles.WriteTemp(bytes);
        try
        {
            var error = Assert.Single(Assert.Throws<CampaignConfigException>(() => CampaignLoader.Load(path)).Errors);

            Assert.Equal(3, error.Line);
            Assert.Contains("不是 UTF-8", error.Message, StringComparison.Ordinal);
            Assert.Contains("GBK", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    [Fact]
    public void A_file_saved_as_utf16_is_refused()
    {
        var path = CampaignFiles.WriteTemp(Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("campaign:\n")).ToArray());
        try
        {
            var error = Assert.Single(Assert.Throws<CampaignConfigException>(() => CampaignLoader.Load(path)).Errors);

            Assert.Null(error.Line);
            Assert.Contains("UTF-16", error.Message, StringComparison.Ordinal);
            Assert.Contains("UTF-8", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    [Fact]
    public void A_binary_file_is_refused_as_not_text()
    {
        var path = CampaignFiles.WriteTemp([(byte)'a', (byte)'\n', 0x00, 0x01, 0x02]);
        try
        {
            var error = Assert.Single(Assert.Throws<CampaignConfigException>(() => CampaignLoader.Load(path)).Errors);

            Assert.Equal(2, error.Line);
            Assert.Contains("不是文本文件", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    [Fact]
    public void A_second_yaml_document_is_refused()
    {
        var yaml = CampaignFiles.ShippedText + "---\ncampaign: {}\n";

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "campaign: {}"), error.Line);
        Assert.Contains("多个 YAML 文档", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_at_the_top_instead_of_sections_is_refused()
    {
        var error = CampaignFiles.SingleError("- a\n- b\n");

        Assert.Equal(1, error.Line);
        Assert.Contains("应为“键: 值”的映射", error.Message, StringComparison.Ordinal);
    }
}
