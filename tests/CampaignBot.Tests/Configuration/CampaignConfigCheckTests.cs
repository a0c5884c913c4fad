using System.Text;
using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

public class CampaignConfigCheckTests
{
    [Fact]
    public void A_valid_file_prints_配置有效_with_a_summary_and_returns_zero()
    {
        var output = new StringWriter();

        var code = CampaignConfigCheck.Run(CampaignFiles.ShippedPath, output);

        var text = output.ToString();
        Assert.Equal(0, code);
        Assert.StartsWith("配置有效：", text, StringComparison.Ordinal);
        Assert.Contains("单位 11 个：市 1、县区 2、市直部门 1、乡镇街道 2、村社区 2、两新组织 1、高校 1、国企 1", text, StringComparison.Ordinal);
        Assert.Contains("职级 3 个：县处级以上领导干部、乡科级干部、普通党员", text, StringComparison.Ordinal);
        Assert.Contains("评价 4 项：作风现状评价、查摆问题评议、整改落实评判、满意度测评", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_file_prints_every_error_and_returns_one()
    {
        var yaml = CampaignFiles.Edit("  time_zone: Asia/Shanghai ", "  time_zone: Mars/Olympus ");
        yaml = CampaignFiles.Edit(yaml, "    kind: two_new\n", "    kind: company\n");
        var path = CampaignFiles.WriteTemp(Encoding.UTF8.GetBytes(yaml));
        var output = new StringWriter();
        try
        {
            var code = CampaignConfigCheck.Run(path, output);

            var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(1, code);
            Assert.Equal($"配置无效：{path} 有 2 处错误", lines[0].TrimEnd());
            Assert.Contains($"{path} 第 {CampaignFiles.LineOf(yaml, "Mars/Olympus")} 行第 14 列：campaign 的 time_zone", lines[1], StringComparison.Ordinal);
            Assert.Contains("kind “company”", lines[2], StringComparison.Ordinal);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }

    [Fact]
    public void A_missing_file_returns_one_and_says_it_was_not_found()
    {
        var path = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"), "nope.yaml");
        var output = new StringWriter();

        var code = CampaignConfigCheck.Run(path, output);

        Assert.Equal(1, code);
        Assert.Contains("找不到配置文件", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_a_path_the_shipped_copy_next_to_the_program_is_checked()
    {
        // The test runs with the output folder as working directory or the repo root; both hold config/campaign.yaml.
        var output = new StringWriter();

        var code = CampaignConfigCheck.Run(null, output);

        Assert.Equal(0, code);
        Assert.Contains("campaign.yaml", output.ToString(), StringComparison.Ordinal);
    }
}
