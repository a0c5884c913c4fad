using CampaignBot.Core.Messaging;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Features.Study;

namespace CampaignBot.Core.Tests.Texts;

public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 votes")]
    [InlineData(1, "1 vote")]
    [InlineData(2, "2 votes")]
    [InlineData(11, "11 votes")]
    public void An_english_count_takes_the_singular_for_exactly_one(long votes, string expected) =>
        Assert.Equal(expected, Plural.En(votes, "vote"));

    [Theory]
    [InlineData("1", "1 person")]
    [InlineData("1.5", "1.5 people")]
    [InlineData("0.5", "0.5 people")]
    public void An_irregular_plural_and_a_formatted_count(string count, string expected) =>
        Assert.Equal(expected, Plural.En(count, "person", "people"));

    [Fact]
    public void A_round_with_one_vote_says_one_vote_in_english_and_the_chinese_is_unchanged()
    {
        var one = EvaluationTexts.Running(1, 1m, "12-01 18:00");
        var two = EvaluationTexts.Running(2, 0.5m, "12-01 18:00");

        Assert.StartsWith("1 vote so far, ", one.English, StringComparison.Ordinal);
        Assert.StartsWith("2 votes so far, ", two.English, StringComparison.Ordinal);
        Assert.StartsWith("当前 1 票，", one.Chinese, StringComparison.Ordinal);
        Assert.Equal("too few votes: 1 of at least 5", EvaluationTexts.TooFewVotes(1, 5).English);
    }

    [Fact]
    public void A_ledger_of_one_item_says_item_not_items()
    {
        var text = LedgerTexts.ListHeading(1);

        Assert.Contains("(1 item)", text.English, StringComparison.Ordinal);
        Assert.DoesNotContain("item(s)", text.English, StringComparison.Ordinal);
        Assert.Contains("(2 items)", LedgerTexts.ListHeading(2).English, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_english_count_that_can_be_one_says_it_in_the_singular()
    {
        (string Text, string Expected)[] one =
        [
            (InspectionTexts.LedgerFact(1, 0, 0).English, "1 ledger item, 0 done, 0 overdue"),
            (InspectionTexts.PledgesFact(1, 1, 1, 1, 1).English, "; 1 check-in, 1 kept"),
            (InspectionTexts.UnitDone("东关村", new Text("好", "good"), 1).English, "inspected, good, 1 finding"),
            (LifeMeetingTexts.Opened("0a1b2c3d", 1).English, "(id 0a1b2c3d): 1 set of criticisms;"),
            (LifeMeetingTexts.NotAllConfirmed(1, 1).English, "1 of 1 set of criticisms."),
            (StudyTexts.MoreUnitsBehind(1).English, "…and 1 more unit;"),
            (EvaluationTexts.Result(new Text("标题", "Title"), 1, new Text("满意 1", "满意 1"), 1m, 0.8m, 1, new Text("通过", "Passed")).English, "at least 1 vote."),
        ];

        var wrong = one.Where(o => !o.Text.Contains(o.Expected, StringComparison.Ordinal)).Select(o => o.Text).ToList();
        Assert.True(wrong.Count == 0, "Not in the singular:\n" + string.Join("\n", wrong));
        Assert.Contains("2 ledger items", InspectionTexts.LedgerFact(2, 0, 0).English, StringComparison.Ordinal);
        Assert.Contains("2 findings", InspectionTexts.UnitDone("东关村", new Text("好", "good"), 2).English, StringComparison.Ordinal);
    }
}
