using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Messaging;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests.Progress;

public sealed class SectionLinesTests
{
    [Fact]
    public void A_section_with_no_unit_lines_says_nothing_rather_than_a_bare_heading()
    {
        Assert.Null(SectionLines.Render("【整改台帐】", [], Language.Chinese));
    }

    [Fact]
    public void Twelve_unit_lines_show_ten_and_count_the_other_two()
    {
        var lines = Enumerable.Range(1, 12).Select(i => $"单位{i}：1 项").ToList();

        var text = SectionLines.Render("【整改台帐】", lines, Language.Chinese)!;

        var shown = text.Split('\n');
        Assert.Equal("【整改台帐】", shown[0]);
        Assert.Equal(10, shown.Count(l => l.StartsWith("单位", StringComparison.Ordinal)));
        Assert.DoesNotContain("单位11：", text, StringComparison.Ordinal);
        Assert.EndsWith("……另有 2 个单位未列出，全部见网页工作台（/dashboard）。", text, StringComparison.Ordinal);
        Assert.Contains("2 more units", SectionLines.Render("Ledger", lines, Language.English), StringComparison.Ordinal);
    }

    [Fact]
    public void Per_unit_lines_for_all_units_leave_out_units_without_records_and_keep_the_campaign_order()
    {
        var campaign = TestCampaign.Create();
        (string Unit, int N)[] records = [("village_dongguan", 1), ("county_east", 2), ("village_dongguan", 3)];

        var text = SectionLines.PerUnit("【测试】", Language.Chinese, campaign, null, records, r => r.Unit, (name, mine) => $"{name}：{mine.Sum(r => r.N)}");

        Assert.Equal("【测试】\n东县：2\n东关村：4", text);
        Assert.Null(SectionLines.PerUnit("【测试】", Language.Chinese, campaign, null, Array.Empty<(string Unit, int N)>(), r => r.Unit, (name, mine) => name));
    }

    [Fact]
    public void Per_unit_lines_for_one_unit_show_its_line_even_without_records()
    {
        var text = SectionLines.PerUnit("【测试】", Language.Chinese, TestCampaign.Create(), "county_east", Array.Empty<string>(), r => r, (name, mine) => $"{name}：{mine.Count}");

        Assert.Equal("【测试】\n东县：0", text);
    }
}
