using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Members;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Features.Study;
using CampaignBot.Core.Messaging;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests;

/// <summary>The campaign file's names in the reader's language, and typed names read in either language.</summary>
public sealed class CampaignNamesTests
{
    private static readonly RankDefinition Section = new("section", "乡科级干部", 5, 3, 3) { EnglishName = "Township and section level" };

    [Fact]
    public void The_english_name_is_for_english_readers_and_the_chinese_for_the_rest()
    {
        Assert.Equal("Township and section level", Section.NameIn(Language.English));
        Assert.Equal("乡科级干部", Section.NameIn(Language.Chinese));
        Assert.Equal(new Text("乡科级干部", "Township and section level"), Section.Names());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Without_an_english_name_both_languages_read_the_chinese(string? english)
    {
        var rank = Section with { EnglishName = english };

        Assert.Equal("乡科级干部", rank.NameIn(Language.English));
    }

    [Theory]
    [InlineData("乡科级干部", true)]
    [InlineData("Township and section level", true)]
    [InlineData(" township AND section level ", true)]
    [InlineData("Township", false)]
    [InlineData("", false)]
    public void A_typed_name_is_read_in_either_language(string typed, bool called) =>
        Assert.Equal(called, Section.IsCalled(typed));

    [Fact]
    public void The_office_may_change_a_rank_by_its_english_name()
    {
        var campaign = TestCampaign.Create() with { Ranks = [TestCampaign.Create().Ranks[0], Section] };
        var member = new Member { Id = "test:1", Channel = "test", UserId = "1", Name = "张三", Rank = "county", UnitId = "county_east", Role = "member", RegisteredAt = DateTimeOffset.UnixEpoch };

        var (changed, refusal) = MemberChanges.Apply(member, new MemberChange.ChangeRank("Township and section level"), campaign, DateTimeOffset.UnixEpoch);
        var (_, unknown) = MemberChanges.Apply(member, new MemberChange.ChangeRank("Emperor"), campaign, DateTimeOffset.UnixEpoch);

        Assert.Null(refusal);
        Assert.Equal("section", changed!.Rank);
        Assert.Contains("section (Township and section level)", unknown!.English, StringComparison.Ordinal);
        Assert.Contains("section（乡科级干部）", unknown.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public void Study_topics_and_forms_read_in_the_readers_language_and_exports_keep_the_chinese()
    {
        var campaign = TestCampaign.Create() with { StudyTopics = [new CatalogueItem("theory", "理论宣讲") { EnglishName = "Theory" }, new CatalogueItem("ideals", "理想信念")] };

        Assert.Equal("Theory", StudyForms.TopicName(campaign, "theory", Language.English));
        Assert.Equal("理想信念", StudyForms.TopicName(campaign, "ideals", Language.English));
        Assert.Equal("理论宣讲", StudyForms.TopicName(campaign, "theory"));
        Assert.Equal("Self-study", StudyForms.FormName("self", Language.English));
        Assert.Equal("自学", StudyForms.FormName("self"));
    }

    [Fact]
    public void Problem_categories_are_named_in_both_languages_with_other_last()
    {
        var campaign = TestCampaign.Create() with { ProblemAreas = [new CatalogueItem("p1", "信念动摇") { EnglishName = "Wavering belief" }] };

        Assert.Equal(new Text("信念动摇", "Wavering belief"), ProblemCategories.Names(campaign, "p1"));
        Assert.Equal(new Text("形式主义", "形式主义"), ProblemCategories.Names(campaign, "formalism"));
        Assert.Equal(CampaignTexts.OtherCategory, ProblemCategories.Names(campaign, ProblemCategories.Other));
    }

    [Fact]
    public void A_member_is_described_in_the_readers_language_and_in_chinese_by_default()
    {
        var campaign = TestCampaign.Create() with { Ranks = [Section], Roles = [new RoleDefinition("member", "党员") { EnglishName = "Member" }] };
        var member = new Member { Id = "test:1", Channel = "test", UserId = "1", Name = "张三", Rank = "section", UnitId = "county_east", Role = "member", RegisteredAt = DateTimeOffset.UnixEpoch };

        Assert.Equal("张三 · 东县 · Township and section level · Member", MemberChanges.Describe(member, campaign, Language.English));
        Assert.Equal("张三 · 东县 · 乡科级干部 · 党员", MemberChanges.Describe(member, campaign));
    }

    [Fact]
    public void A_problem_category_is_found_by_its_english_name()
    {
        var campaign = TestCampaign.Create() with { ProblemAreas = [new CatalogueItem("p1", "信念动摇") { EnglishName = "Wavering belief" }] };

        Assert.Equal("p1", ProblemCategories.Find(campaign, "wavering belief"));
        Assert.Equal("p1", ProblemCategories.Find(campaign, "信念动摇"));
    }
}
