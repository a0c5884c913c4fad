using CampaignBot.Telegram.Sending;

namespace CampaignBot.Telegram.Tests;

public sealed class TextSplitterTests
{
    [Fact]
    public void Short_text_stays_one_part()
    {
        Assert.Equal(["一行\n两行"], TextSplitter.Split("一行\n两行"));
    }

    [Fact]
    public void Text_is_cut_at_the_last_line_break_that_fits()
    {
        Assert.Equal(["aaaa\nbb", "cccc"], TextSplitter.Split("aaaa\nbb\ncccc", maxLength: 8));
    }

    [Fact]
    public void A_line_longer_than_a_message_is_cut_at_the_limit()
    {
        Assert.Equal(["abcd", "efgh", "ij"], TextSplitter.Split("abcdefghij", maxLength: 4));
    }

    [Fact]
    public void A_cut_never_separates_the_halves_of_a_surrogate_pair()
    {
        var parts = TextSplitter.Split("abc😀def", maxLength: 4);

        Assert.Equal(["abc", "😀de", "f"], parts);
    }
}
