namespace CampaignBot.Tests.Configuration;

public sealed class CampaignUnitStudyDaysTests
{
    [Fact]
    public void The_shipped_city_sets_the_ordinary_members_minimum_and_its_units_inherit_it()
    {
        var campaign = CampaignFiles.LoadShipped();
        var ordinary = campaign.FindRank("ordinary")!;

        Assert.Equal(3, campaign.FindUnit("city")!.OrdinaryStudyDays);
        Assert.Equal(3, campaign.StudyDaysFor(ordinary, "village_dongguan"));
    }

    [Fact]
    public void A_negative_ordinary_study_minimum_is_refused_at_its_line()
    {
        var yaml = CampaignFiles.Edit("    ordinary_study_days: 3 ", "    ordinary_study_days: -2 ");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "ordinary_study_days: -2"), error.Line);
        Assert.Contains("ordinary_study_days", error.Message, StringComparison.Ordinal);
    }
}
