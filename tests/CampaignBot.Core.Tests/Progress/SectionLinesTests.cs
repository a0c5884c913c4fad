using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Progress;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Tests.Flows;
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

    [Fact]
    public async Task The_ledger_section_counts_a_units_items_in_either_language()
    {
        var campaign = TestCampaign.Create();
        var ledger = new InMemoryLedgerStore();
        await ledger.SaveAsync(
            new LedgerItem
            {
                Id = "L0001", UnitId = "county_east", Problem = "会议偏多", Category = "formalism", Source = ProblemSource.Examination, Measures = "每月不超过两次",
                LeadLeaderId = "test:1", LeadLeaderName = "张书记", Deadline = new DateOnly(2027, 3, 1), CreatedBy = "test:1", CreatedAt = DateTimeOffset.UnixEpoch,
            },
            CancellationToken.None);
        var section = new LedgerProgressSection(ledger, campaign);
        var viewer = new Member { Id = "test:7", Channel = "test", UserId = "7", Name = "张三", Rank = "ordinary", UnitId = "county_east", Role = Roles.CampaignOffice, RegisteredAt = DateTimeOffset.UnixEpoch };

        var chinese = await section.RenderAsync(viewer, null, Language.Chinese, CancellationToken.None);
        var english = await section.RenderAsync(viewer, "county_east", Language.English, CancellationToken.None);

        Assert.Equal(30, section.Order);
        Assert.Equal("【整改台帐】\n东县：整改台帐 1 项：已完成 0，整改中 0，未开始 1，逾期 0；建章立制 0 项", chinese);
        Assert.Equal("Rectification ledger\n东县: Ledger 1 item: 0 done, 0 in progress, 1 not started, 0 overdue; 0 institutions", english);
    }
}
