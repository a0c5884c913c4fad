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
        Assert.All(bot.StandIn.CardUpdates, u => Assert.Equal("zhangsan", u["userids"]![0]!.GetValue<string>()));
    }
}
