namespace CampaignBot.Tests.Configuration;

/// <summary>The optional visit_windows section: fixed dates or a phase, checked like the rest of the file.</summary>
public class CampaignVisitWindowTests
{
    [Fact]
    public void The_shipped_campaign_has_the_three_visiting_periods()
    {
        var campaign = CampaignFiles.LoadShipped();

        Assert.Equal(
            [
                new VisitWindow("spring_festival", "春节前后", new DateOnly(2027, 1, 29), new DateOnly(2027, 2, 13), null) { EnglishName = "Around the Spring Festival" },
                new VisitWindow("opinion_gathering", "听取意见期间", null, null, "study_and_listen") { EnglishName = "While opinions are gathered" },
                new VisitWindow("july_first", "七一前后", new DateOnly(2027, 6, 24), new DateOnly(2027, 7, 8), null) { EnglishName = "Around 1 July" },
            ],
            campaign.VisitWindows);
    }

    [Fact]
    public void A_window_naming_an_unknown_phase_is_refused_with_the_known_codes()
    {
        var yaml = CampaignFiles.Edit("    phase: study_and_listen\n", "    phase: listening\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Equal(CampaignFiles.LineOf(yaml, "phase: listening"), error.Line);
        Assert.Contains("phase “listening” 不是 phases 中的 code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_with_from_after_to_is_refused()
    {
        var yaml = CampaignFiles.Edit("    from: 2027-06-24\n", "    from: 2027-07-24\n");

        var error = CampaignFiles.SingleError(yaml);

        Assert.Contains("from（2027-07-24）晚于 to（2027-07-08）", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_window_with_neither_dates_nor_phase_is_refused()
    {
        var yaml = CampaignFiles.Edit("    phase: study_and_listen\n", string.Empty);

        var error = CampaignFiles.SingleError(yaml);

        Assert.Contains("要么写 phase，要么同时写 from 和 to", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_campaign_file_without_visit_windows_still_loads()
    {
        var text = CampaignFiles.ShippedText;
        var start = text.IndexOf("\n# 走亲连心的走访时段", StringComparison.Ordinal);
        var end = text.IndexOf("  - code: july_first", start, StringComparison.Ordinal);
        end = text.IndexOf("\n\n", end, StringComparison.Ordinal) is var blank and >= 0 ? blank : text.Length;
        var yaml = string.Concat(text.AsSpan(0, start), text.AsSpan(end));

        Assert.Empty(CampaignBot.Configuration.CampaignLoader.LoadFromText(yaml, "test.yaml").VisitWindows);
    }
}
