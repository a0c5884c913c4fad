using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

/// <summary>The optional English beside each Chinese name (name_en, group_en, prompt_en, description_en).</summary>
public class CampaignEnglishNameTests
{
    [Fact]
    public void The_shipped_campaign_reads_the_english_names_beside_the_chinese()
    {
        var campaign = CampaignFiles.LoadShipped();

        var county = campaign.FindRank("county")!;
        Assert.Equal(("县处级以上领导干部", "County level and above"), (county.Name, county.EnglishName));
        Assert.Equal("County level and above", county.NameIn(Language.English));
        Assert.Equal("县处级以上领导干部", county.NameIn(Language.Chinese));
        var item = campaign.FindChecklist("member")!.Items[^1];
        Assert.Equal(("整改打算", "Rectification plan"), (item.Group, item.EnglishGroup));
        Assert.Equal("How will you improve? Write one or two concrete measures.", item.Prompts.English);
        Assert.Equal("你准备怎样改进？请写一两条具体措施。", item.Prompts.Chinese);
        Assert.Equal("Satisfaction with the democratic life meeting, after it", campaign.Evaluation.Stages[^1].Descriptions!.English);
    }

    [Fact]
    public void Every_name_of_the_shipped_campaign_but_the_units_has_its_english()
    {
        var campaign = CampaignFiles.LoadShipped();

        ICampaignNamed[] named =
        [
            .. campaign.Phases, .. campaign.Ranks, .. campaign.Roles, .. campaign.UnitKinds, .. campaign.FourWinds, .. campaign.ProblemAreas,
            .. campaign.Focuses, .. campaign.References, .. campaign.StudyTopics, .. campaign.PledgeAreas, .. campaign.Evaluation.Stages,
            .. campaign.Evaluation.Choices, .. campaign.VisitWindows, .. campaign.Checklists,
        ];
        Assert.All(named, n => Assert.False(string.IsNullOrWhiteSpace(n.EnglishName), n.Name));
        Assert.All(campaign.Checklists.SelectMany(c => c.Items), i => Assert.False(i.EnglishPrompt is null || i.EnglishGroup is null, i.Code));
        Assert.All(campaign.Units, u => Assert.Null(u.EnglishName));
    }

    [Fact]
    public void The_demo_campaign_gives_some_units_an_english_name_too()
    {
        var campaign = CampaignLoader.Load(Path.Combine(CampaignFiles.RepoRoot, DemoCampaign.TemplatePath));

        Assert.Equal("East County", campaign.FindUnit("county_east")!.NameIn(Language.English));
        Assert.Equal("东县城关镇", campaign.FindUnit("town_chengguan")!.NameIn(Language.English));
    }

    [Fact]
    public void Without_an_english_name_the_english_reader_reads_the_chinese()
    {
        var yaml = CampaignFiles.Edit("    name_en: Township and section level\n", string.Empty);
        yaml = CampaignFiles.Edit(yaml, "        prompt_en: How will you improve? Write one or two concrete measures.\n", string.Empty);

        var campaign = CampaignLoader.LoadFromText(yaml, "test.yaml");

        var section = campaign.FindRank("section")!;
        Assert.Null(section.EnglishName);
        Assert.Equal("乡科级干部", section.NameIn(Language.English));
        Assert.Equal("乡科级干部", section.Names().English);
        Assert.Equal("你准备怎样改进？请写一两条具体措施。", campaign.FindChecklist("member")!.Items[^1].Prompts.English);
    }

    [Fact]
    public void An_empty_english_name_is_as_if_none_were_written()
    {
        var yaml = CampaignFiles.Edit("    name_en: Township and section level\n", "    name_en: ~\n");

        var section = CampaignLoader.LoadFromText(yaml, "test.yaml").FindRank("section")!;

        Assert.Equal("乡科级干部", section.NameIn(Language.English));
    }

    [Fact]
    public void An_english_name_that_is_a_list_is_refused_on_its_line()
    {
        var yaml = CampaignFiles.Edit("    name_en: Township and section level\n", "    name_en: [Township, Section]\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "name_en: [Township"), error.Line);
        Assert.Equal("ranks 第 2 项 的 name_en 应为单个值，实际是列表。", error.Message);
    }

    [Fact]
    public void An_english_name_too_long_for_a_button_is_refused_on_its_line()
    {
        var yaml = CampaignFiles.Edit("    name_en: Ordinary member\n", $"    name_en: {new string('x', CampaignYamlMap.MaxEnglishName + 1)}\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "name_en: xxx"), error.Line);
        Assert.StartsWith($"ranks 第 3 项 的 name_en 太长（{CampaignYamlMap.MaxEnglishName + 1} 个字符，最多 {CampaignYamlMap.MaxEnglishName} 个）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_english_prompt_too_long_is_refused_on_its_line()
    {
        var yaml = CampaignFiles.Edit(
            "        prompt_en: How will you improve? Write one or two concrete measures.\n",
            $"        prompt_en: {new string('y', CampaignYamlMap.MaxEnglishText + 1)}\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "prompt_en: yyy"), error.Line);
        Assert.Contains("的 prompt_en 太长", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_english_key_is_an_unknown_key()
    {
        var yaml = CampaignFiles.Edit("    name_en: Ordinary member\n", "    name_english: Ordinary member\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "name_english:"), error.Line);
        Assert.Contains("未知的键 name_english", error.Message, StringComparison.Ordinal);
    }
}
