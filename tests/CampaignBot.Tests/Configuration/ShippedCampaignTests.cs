using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

public class ShippedCampaignTests
{
    [Fact]
    public void Shipped_campaign_file_loads_with_its_time_frame()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal("党的群众路线教育实践活动", campaign.Name);
        Assert.Equal("Asia/Shanghai", campaign.TimeZone);
        Assert.Equal(new DateOnly(2027, 1, 1), campaign.Start);
        Assert.Equal(new DateOnly(2027, 9, 30), campaign.End);
        Assert.Equal(3, campaign.MinimumUnitMonths);
    }

    [Fact]
    public void Shipped_file_has_the_three_phases_of_about_thirty_days()
    {
        var phases = CampaignFiles.LoadShipped().Phases;

        Assert.Equal(["学习教育、听取意见", "查摆问题、开展批评", "整改落实、建章立制"], phases.Select(p => p.Name));
        Assert.All(phases, p => Assert.InRange(p.Days, 25, 35));
    }

    [Fact]
    public void Shipped_file_has_the_seven_study_topics_and_seven_pledge_areas()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal(["理论宣讲", "理想信念", "革命传统", "党纪法规", "实践体验", "典型宣讲", "反面警示"], campaign.StudyTopics.Select(t => t.Name));
        Assert.Equal(["政治纪律", "群众纪律", "科学决策", "求真务实", "干部工作", "清正廉洁", "艰苦朴素"], campaign.PledgeAreas.Select(a => a.Name));
    }

    [Fact]
    public void Shipped_file_has_the_ten_problem_areas_four_winds_three_focuses_and_five_references()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal(
            ["信念动摇", "争功近利", "漠视群众", "作风漂浮", "吃拿卡要", "慵懒散拖", "专横霸道", "特权思想", "以权谋私", "奢靡腐化"],
            campaign.ProblemAreas.Select(a => a.Name));
        Assert.Equal(["形式主义", "官僚主义", "享乐主义", "奢靡之风"], campaign.FourWinds.Select(w => w.Name));
        Assert.Equal(["思想正不正", "作风实不实", "能力足不足"], campaign.Focuses.Select(f => f.Name));
        Assert.Equal(["党章", "廉政准则", "改进作风要求", "群众期盼", "先进典型"], campaign.References.Select(r => r.Name));
    }

    [Fact]
    public void Ranks_carry_the_minimums_of_the_campaign()
    {
        var campaign = CampaignFiles.LoadShipped();

        var county = campaign.FindRank("county");
        var section = campaign.FindRank("section");
        var ordinary = campaign.FindRank("ordinary");
        Assert.Equal(("县处级以上领导干部", 7, 3, 5), (county!.Name, county.StudyDays, county.FieldResearchDays, county.HouseholdVisits));
        Assert.Equal(("乡科级干部", 5, 3, 3), (section!.Name, section.StudyDays, section.FieldResearchDays, section.HouseholdVisits));
        Assert.Equal(("普通党员", null, 0, 0), (ordinary!.Name, ordinary.StudyDays, ordinary.FieldResearchDays, ordinary.HouseholdVisits));
    }

    [Fact]
    public void Roles_are_the_four_the_program_checks()
    {
        var roles = CampaignFiles.LoadShipped().Roles;

        Assert.Equal(["office", "supervisor", "secretary", "member"], roles.Select(r => r.Code));
        Assert.Equal(["活动办", "督导组", "支部书记", "党员"], roles.Select(r => r.Name));
    }

    [Fact]
    public void Grassroots_units_start_half_a_month_after_their_county()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal(new DateOnly(2027, 1, 1), campaign.FindUnit("county_east")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 16), campaign.FindUnit("town_chengguan")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 16), campaign.FindUnit("village_dongguan")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 10), campaign.FindUnit("district_west")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 25), campaign.FindUnit("street_xinhua")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 25), campaign.FindUnit("community_xingfu")!.Start);
        Assert.Equal(new DateOnly(2027, 1, 1), campaign.FindUnit("dept_organisation")!.Start);
    }

    [Fact]
    public void Unit_kinds_say_who_writes_a_self_examination_report()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.True(campaign.FindUnitKind("county")!.WritesReport);
        Assert.True(campaign.FindUnitKind("township")!.WritesReport);
        Assert.All(["village", "two_new", "university", "state_enterprise"], code => Assert.False(campaign.FindUnitKind(code)!.WritesReport));
        Assert.Equal(15, campaign.FindUnitKind("township")!.StartOffsetDays);
        Assert.Equal(0, campaign.FindUnitKind("city_department")!.StartOffsetDays);
    }

    [Fact]
    public void Sample_tree_has_every_unit_kind_and_one_root()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal("city", Assert.Single(campaign.Units, u => u.ParentId is null).Id);
        Assert.All(campaign.UnitKinds, kind => Assert.Contains(campaign.Units, u => u.Kind == kind.Code));
        Assert.All(campaign.Units, u => Assert.True(u.ParentId is null || campaign.FindUnit(u.ParentId) is not null));
    }

    [Fact]
    public void Evaluation_has_the_three_stages_the_meeting_test_and_the_default_pass_rule()
    {
        var evaluation = CampaignFiles.LoadShipped().Evaluation;

        Assert.Equal(["作风现状评价", "查摆问题评议", "整改落实评判", "满意度测评"], evaluation.Stages.Select(s => s.Name));
        Assert.Equal([("满意", true), ("基本满意", true), ("不满意", false)], evaluation.Choices.Select(c => (c.Name, c.CountsAsSatisfied)));
        Assert.Equal(0.8m, evaluation.PassRule.MinimumSatisfiedShare);
        Assert.Equal(10, evaluation.PassRule.MinimumVotes);
    }

    [Fact]
    public void Without_a_pass_rule_the_default_of_eighty_percent_and_ten_votes_applies()
    {
        var yaml = CampaignFiles.Edit("  pass_rule:\n    minimum_satisfied_share: 0.8\n    minimum_votes: 10\n", string.Empty);

        var rule = CampaignLoader.LoadFromText(yaml, "test.yaml").Evaluation.PassRule;

        Assert.Equal((0.8m, 10), (rule.MinimumSatisfiedShare, rule.MinimumVotes));
    }

    [Fact]
    public void A_file_saved_with_a_utf8_byte_order_mark_loads()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(File.ReadAllBytes(CampaignFiles.ShippedPath)).ToArray();
        var path = CampaignFiles.WriteTemp(bytes);

        try
        {
            Assert.Equal(11, CampaignLoader.Load(path).Units.Count);
        }
        finally
        {
            CampaignFiles.DeleteTemp(path);
        }
    }
}
