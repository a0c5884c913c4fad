using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

/// <summary>The life_meeting section: the 满意度测评 that follows the democratic life meeting.</summary>
public class CampaignLifeMeetingTests
{
    [Fact]
    public void The_shipped_campaign_opens_the_meeting_satisfaction_stage_for_the_units_roster_for_48_hours()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal(new Core.Campaign.LifeMeetingSettings("meeting_satisfaction", "roster", 48), campaign.LifeMeeting);
        Assert.Contains(campaign.Evaluation.Stages, s => s.Code == campaign.LifeMeeting.SatisfactionStage);
    }

    [Fact]
    public void A_stage_that_evaluation_does_not_define_is_refused_on_its_line_with_the_known_codes()
    {
        var yaml = CampaignFiles.Edit("  satisfaction_stage: meeting_satisfaction\n", "  satisfaction_stage: after_meeting\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "satisfaction_stage: after_meeting"), error.Line);
        Assert.Contains("“after_meeting”不在 evaluation 的 stages 中", error.Message, StringComparison.Ordinal);
        Assert.Contains("meeting_satisfaction", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_audience_and_too_many_hours_are_refused()
    {
        var yaml = CampaignFiles.Edit(CampaignFiles.Edit("  satisfaction_audience: roster\n", "  satisfaction_audience: everyone\n"), "  satisfaction_hours: 48\n", "  satisfaction_hours: 9999\n");

        var errors = CampaignFiles.Fail(yaml).Errors;

        Assert.Contains(errors, e => e.Message.Contains("satisfaction_audience 应为 group", StringComparison.Ordinal) && e.Line == CampaignFiles.LineOf(yaml, "everyone"));
        Assert.Contains(errors, e => e.Message.Contains("satisfaction_hours 应在 1 到 720 之间", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_the_section_the_defaults_apply_and_without_the_stage_the_file_says_to_add_it()
    {
        var text = CampaignFiles.ShippedText;
        var start = text.IndexOf("life_meeting:\n", StringComparison.Ordinal);
        var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
        var withoutSection = string.Concat(text.AsSpan(0, start), text.AsSpan(end + 2));
        var loaded = CampaignLoader.LoadFromText(withoutSection, "campaign.yaml");
        Assert.Equal(Core.Campaign.LifeMeetingSettings.Default, loaded.LifeMeeting);

        var withoutStage = CampaignFiles.Edit(withoutSection, "    - code: meeting_satisfaction\n      name: 满意度测评\n      name_en: Meeting satisfaction\n      description: 专题民主生活会后对会议的满意度测评\n      description_en: Satisfaction with the democratic life meeting, after it\n", string.Empty);
        Assert.Contains("请在 stages 中加上 code: meeting_satisfaction", CampaignFiles.SingleError(withoutStage).Message, StringComparison.Ordinal);
    }
}
