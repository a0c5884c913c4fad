using System.Text.RegularExpressions;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Texts;

/// <summary>The menu, the fixed choices, the ledger's history lines and WeCom's hints are worded in catalogues, each once.</summary>
public sealed partial class WordingInCataloguesTests
{
    [Theory]
    [InlineData("src/CampaignBot.Core/Conversations/CommandCatalog.cs")]
    [InlineData("src/CampaignBot.Core/Campaign/ChecklistDefinition.cs")]
    [InlineData("src/CampaignBot.Core/Features/Pledges/Pledge.cs")]
    [InlineData("src/CampaignBot.Core/Features/Study/StudyForms.cs")]
    [InlineData("src/CampaignBot.Core/Features/Ledger/LedgerService.cs")]
    [InlineData("src/CampaignBot.Core/Features/Ledger/LedgerDailyJob.cs")]
    [InlineData("src/CampaignBot.Core/Features/Ledger/EvidenceFetchJob.cs")]
    [InlineData("src/CampaignBot.WeCom/Sending/WeComMessages.cs")]
    public void A_file_whose_wording_moved_to_a_catalogue_holds_no_chinese_string(string path)
    {
        var lines = File.ReadAllLines(Path.Combine(Root(), path));

        var chinese = lines.Select((line, index) => (line, index)).Where(l => ChineseLiteral().IsMatch(l.line)).Select(l => $"{l.index + 1}: {l.line.Trim()}").ToList();

        Assert.True(chinese.Count == 0, $"{path} words in code what belongs in its catalogue:\n{string.Join('\n', chinese)}");
    }

    [Fact]
    public void The_menu_keeps_its_wording_in_both_languages()
    {
        var study = CommandCatalog.All.Single(c => c.Name == "study");
        var ledger = CommandCatalog.All.Single(c => c.Name == "ledger");
        var secretary = new Core.Features.Registration.Member { Id = "m", UserId = "u", Channel = "test", Name = "书记", UnitId = "u1", Rank = "ordinary", Role = Core.Features.Registration.Roles.Secretary, RegisteredAt = DateTimeOffset.UnixEpoch };

        Assert.Equal(("记录学习 / 更正", "Log study / correct"), (study.Describe(Language.Chinese), study.Describe(Language.English)));
        Assert.Equal("整改台帐：我牵头的事项，报告进展和完成", ledger.Describe(Language.Chinese, null));
        Assert.Equal("Rectification ledger: add, progress, done, confirm", ledger.Describe(Language.English, secretary));
        Assert.All(CommandCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Describe(Language.English)), c.Name));
    }

    [Fact]
    public void The_fixed_choices_keep_their_wording_in_both_languages()
    {
        Assert.Equal(["存在", "部分存在", "不存在"], ChecklistChoices.All.Select(c => c.Chinese));
        Assert.Equal(["Exists", "Partly", "Not at all"], ChecklistChoices.All.Select(c => c.English));
        Assert.Equal(["已践行", "部分践行", "尚未践行"], PledgeOutcomes.All.Select(o => o.Chinese));
        Assert.Equal(["Kept", "Partly", "Not yet"], PledgeOutcomes.All.Select(o => o.English));
        Assert.Equal(["集体学习", "自学", "研讨交流", "观看教育片", "送学上门"], StudyForms.All.Select(f => f.Name));
        Assert.Equal(["支部书记", "督导组", "活动办"], new[] { 1, 2, 3 }.Select(l => LedgerTexts.Level(l).Chinese));
        Assert.Equal("逾期督办升级到第 2 级（督导组）", LedgerTexts.HistoryEscalated(2).Chinese);
        Assert.Equal("Overdue item escalated to level 2 (the supervision group)", LedgerTexts.HistoryEscalated(2).English);
    }

    private static string Root()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CampaignBot.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("CampaignBot.sln not found above the test's folder.");
    }

    /// <summary>A code line (not a comment) with a string that holds a Chinese character.</summary>
    [GeneratedRegex("""^(?!\s*//).*"[^"]*\p{IsCJKUnifiedIdeographs}""")]
    private static partial Regex ChineseLiteral();
}
