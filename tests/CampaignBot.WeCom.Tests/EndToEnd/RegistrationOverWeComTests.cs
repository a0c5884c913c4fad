namespace CampaignBot.WeCom.Tests.EndToEnd;

public sealed class RegistrationOverWeComTests
{
    [Fact]
    public async Task A_member_registers_by_pressing_card_buttons_and_each_pressed_card_is_updated()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var code = await bot.CreateInviteAsync();
        var member = bot.Member("zhangsan");

        Assert.Equal(200, await member.SayAsync("/start"));
        await member.WaitForAsync("第 1 步");
        await member.SayAsync(code);
        await member.WaitForAsync("第 2 步");
        await member.SayAsync("张三");
        await member.WaitForAsync("第 3 步");
        await bot.WaitUntilAsync(() => member.Cards.Count == 1, "the rank card");
        await member.PressAsync("乡科级干部");
        await member.WaitForAsync("第 4 步");
        await bot.WaitUntilAsync(() => member.Cards.Count == 2, "the confirmation card");
        await member.PressAsync("确认");
        await member.WaitForAsync("注册成功");
        await member.SayAsync("/me");
        var profile = await member.WaitForAsync("姓名：张三");

        Assert.Contains("职级：乡科级干部", profile, StringComparison.Ordinal);
        await bot.WaitUntilAsync(() => bot.StandIn.CardUpdates.Count == 2, "two card updates");
        Assert.Equal(["已选：乡科级干部", "已选：确认"], bot.StandIn.CardUpdates.Select(u => u["button"]!["replace_name"]!.GetValue<string>()));
        Assert.All(bot.StandIn.CardUpdates, u => Assert.Equal("zhangsan", u["userids"]![0]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_member_whose_client_shows_no_cards_registers_by_typing_the_option_numbers()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var code = await bot.CreateInviteAsync();
        var member = bot.Member("lisi");

        await member.SayAsync("/start");
        await member.WaitForAsync("第 1 步");
        await member.SayAsync(code);
        await member.WaitForAsync("第 2 步");
        await member.SayAsync("李四");
        var rankPrompt = await member.WaitForAsync("第 3 步");
        await member.SayAsync("3");
        var confirmPrompt = await member.WaitForAsync("第 4 步");
        await member.SayAsync("1");
        await member.WaitForAsync("注册成功");
        await member.SayAsync("/me");
        var profile = await member.WaitForAsync("姓名：李四");

        Assert.Contains("3. 普通党员", rankPrompt, StringComparison.Ordinal);
        Assert.Contains("回复序号", rankPrompt, StringComparison.Ordinal);
        Assert.Contains("1. 确认", confirmPrompt, StringComparison.Ordinal);
        Assert.Contains("职级：普通党员", profile, StringComparison.Ordinal);
        Assert.Empty(bot.StandIn.CardUpdates);
    }

    [Fact]
    public async Task A_number_typed_where_no_buttons_are_shown_is_ordinary_text()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        await bot.CreateInviteAsync();
        var member = bot.Member("wangwu");
        await member.SayAsync("/start");
        await member.WaitForAsync("第 1 步");

        await member.SayAsync("1");
        var answer = await member.WaitForAsync("邀请码无效");
        var reprompt = await member.WaitForAsync("第 1 步");

        Assert.StartsWith("邀请码无效", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("回复序号", reprompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_card_left_unpressed_and_pressed_after_the_flow_moved_on_shows_that_it_has_expired()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var code = await bot.CreateInviteAsync();
        var member = bot.Member("qianjiu");
        await member.SayAsync("/start");
        await member.SayAsync(code);
        await member.SayAsync("钱九");
        await member.WaitForAsync("第 3 步");
        await bot.WaitUntilAsync(() => member.Cards.Count == 1, "the rank card");
        await member.SayAsync("2");
        await member.WaitForAsync("第 4 步");

        await member.PressAsync("县处级以上领导干部");
        await member.WaitForAsync("已经失效");
        await bot.WaitUntilAsync(() => bot.StandIn.CardUpdates.Count == 1, "the old card's update");

        Assert.Equal("这个按钮已失效。", bot.StandIn.CardUpdates.Single()["button"]!["replace_name"]!.GetValue<string>());
        await member.WaitForAsync("第 4 步");
        Assert.Contains("职级：乡科级干部", member.Texts[^1], StringComparison.Ordinal);
    }
}
