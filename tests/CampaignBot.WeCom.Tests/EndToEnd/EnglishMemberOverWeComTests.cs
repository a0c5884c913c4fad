namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>
/// WeCom does not say which language a member reads; once the office sets English for them (members set --lang en),
/// they read English, and so do the hints WeCom's sender adds (the numbered options, the card, the pressed card).
/// </summary>
public sealed class EnglishMemberOverWeComTests
{
    private static readonly DateTimeOffset CampaignRunning = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task An_english_member_reads_the_examination_its_option_hint_card_and_pressed_card_in_english()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(start: CampaignRunning);
        var member = await bot.RegisterAsync("smith", "Smith", unit: "village_dongguan");
        await bot.SetLanguageAsync("wecom:smith", "en");
        var cardsBefore = member.Cards.Count;

        await member.SayAsync("/examine");
        var first = await member.WaitForAsync("Item 1/6");
        await bot.WaitUntilAsync(() => member.Cards.Count > cardsBefore, "the item's card");
        var card = member.Cards[^1];
        await member.PressAsync("Partly");
        await member.WaitForAsync("Item 2/6");

        Assert.EndsWith("(Reply with a number to choose.)", first, StringComparison.Ordinal);
        Assert.DoesNotContain("回复序号", first, StringComparison.Ordinal);
        Assert.Equal("Press a button, or reply with its number", card["sub_title_text"]!.GetValue<string>());
        await bot.WaitUntilAsync(() => bot.StandIn.CardUpdates.Count == 1, "the pressed card's update");
        Assert.Equal("✓ Partly", bot.StandIn.CardUpdates.Single()["button"]!["replace_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_member_without_a_language_keeps_reading_chinese_hints()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(start: CampaignRunning);
        var member = await bot.RegisterAsync("wangwu", "王五", unit: "village_dongguan");

        await member.SayAsync("/examine");
        var first = await member.WaitForAsync("第 1/6 项");

        Assert.EndsWith("（回复序号即可选择）", first, StringComparison.Ordinal);
    }
}
