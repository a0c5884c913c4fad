namespace CampaignBot.Tests.Configuration;

/// <summary>The checklists section: the shipped forms, and the errors the office gets for a broken one.</summary>
public class CampaignChecklistTests
{
    [Fact]
    public void The_shipped_campaign_gives_leaders_the_full_form_and_village_members_the_short_one()
    {
        var campaign = CampaignFiles.LoadShipped();

        var leader = campaign.ChecklistFor("county", "county_east");
        var villager = campaign.ChecklistFor("section", "village_dongguan");

        Assert.Equal("leadership", leader?.Code);
        Assert.Equal("supervisor", leader?.ReviewedBy);
        Assert.Equal(4, leader!.Items.Count(i => i.Group == "四风"));
        Assert.Equal("member", villager?.Code);
        Assert.Equal("secretary", villager?.ReviewedBy);
        Assert.Contains(villager!.Items, i => !i.Required);
    }

    [Fact]
    public void An_unknown_answer_kind_is_reported_on_its_line()
    {
        var yaml = CampaignFiles.Edit(
            "        prompt: 你准备怎样改进？请写一两条具体措施。\n        prompt_en: How will you improve? Write one or two concrete measures.\n        answer: text\n",
            "        prompt: 你准备怎样改进？请写一两条具体措施。\n        prompt_en: How will you improve? Write one or two concrete measures.\n        answer: essay\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "answer: essay"), error.Line);
        Assert.Contains("只能是 choice（存在/部分存在/不存在）、text（文字）或 both", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rank_that_does_not_exist_is_named()
    {
        var yaml = CampaignFiles.Edit("    ranks: [county, section]\n", "    ranks: [county, sectoin]\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "ranks: [county, sectoin]"), error.Line);
        Assert.Contains("“sectoin”不是 ranks 里的职级 code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_reviewer_role_other_than_secretary_or_supervisor_is_refused()
    {
        var yaml = CampaignFiles.Edit("    reviewed_by: supervisor\n", "    reviewed_by: office\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "reviewed_by: office"), error.Line);
        Assert.Contains("只能是 secretary（支部书记审核）或 supervisor（督导组审核）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Members_left_without_any_checklist_are_named()
    {
        var yaml = CampaignFiles.Edit("    name: 党员对照检查（简表）\n    name_en: Member self-examination (short form)\n", "    name: 党员对照检查（简表）\n    name_en: Member self-examination (short form)\n    writes_report: false\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "  - code: leadership"), error.Line);
        Assert.Contains("普通党员（撰写对照检查材料的单位）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_required_flag_that_is_not_true_or_false_is_refused()
    {
        var yaml = CampaignFiles.Edit(
            "        prompt: 群众和班子成员对你提出了哪些意见？（可选）\n        prompt_en: What opinions did the masses and your team give you? (optional)\n        answer: text\n        required: false\n",
            "        prompt: 群众和班子成员对你提出了哪些意见？（可选）\n        prompt_en: What opinions did the masses and your team give you? (optional)\n        answer: text\n        required: maybe\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "required: maybe"), error.Line);
        Assert.Contains("应为 true 或 false", error.Message, StringComparison.Ordinal);
    }
}
