namespace CampaignBot.Tests.Study;

/// <summary>A menu that asks nothing does not hold the user: a new command leaves it and runs (issue 11, item 4).</summary>
public sealed class ReadOnlyMenuTests
{
    [Theory]
    [InlineData("/study")]
    [InlineData("/visits")]
    public async Task A_command_sent_while_a_menu_is_shown_leaves_the_menu_and_answers(string menu)
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1", name: "张书记");

        await bot.SayAsync("1", menu);
        var replies = await bot.SayAsync("1", "/me");

        Assert.DoesNotContain("请先完成当前步骤", replies, StringComparison.Ordinal);
        Assert.Contains("张书记", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_sent_in_the_middle_of_a_study_entry_is_still_refused()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/study", "1", "/me");

        Assert.Contains("请先完成当前步骤", replies, StringComparison.Ordinal);
    }
}
