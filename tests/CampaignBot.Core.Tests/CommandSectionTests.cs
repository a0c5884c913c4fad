using CampaignBot.Core.Conversations;

namespace CampaignBot.Core.Tests;

/// <summary>The sections /help lists long command lists by, and the words that name one.</summary>
public sealed class CommandSectionTests
{
    [Fact]
    public void Every_section_holds_a_command_and_every_command_but_help_is_in_one()
    {
        foreach (var section in CommandSection.All)
        {
            Assert.Contains(CommandCatalog.All, c => c.Section == section);
        }

        Assert.All(CommandCatalog.All, c => Assert.Contains(c.Section, CommandSection.All));
    }

    [Theory]
    [InlineData("整改", "ledger")]
    [InlineData("意见", "ledger")]
    [InlineData("Ledger", "ledger")]
    [InlineData("/dispatch", "ledger")]
    [InlineData("评议", "evaluate")]
    [InlineData("round", "evaluate")]
    [InlineData("通报", "progress")]
    [InlineData("督导", "oversight")]
    [InlineData("me", "me")]
    [InlineData("cancel", "steps")]
    public void A_word_of_a_sections_name_or_one_of_its_commands_names_it_and_no_earlier_section(string word, string key)
    {
        var named = CommandSection.All.First(s => s.IsNamedBy(word, CommandCatalog.All));

        Assert.Equal(key, named.Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("改")]
    [InlineData("and")]
    [InlineData("天气")]
    public void A_word_that_names_no_section_names_none(string word)
    {
        Assert.DoesNotContain(CommandSection.All, s => s.IsNamedBy(word, CommandCatalog.All));
    }
}
