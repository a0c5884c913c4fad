using CampaignBot.Core.Features.Groups;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.WeCom.Tests.StandIn;
using Microsoft.Extensions.Options;

namespace CampaignBot.WeCom.Tests.EndToEnd;

public sealed class GroupRobotTests
{
    [Fact]
    public async Task A_robot_configured_for_a_unit_is_its_group_and_an_announcement_goes_through_the_robot_webhook()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();

        var group = await ChatLinks.FindGroupOfUnitAsync(bot.Chats, "county_east", CancellationToken.None);
        Assert.NotNull(group);
        var announcement = OutboxMessage.Create("pledge-e2e-1", group.ToChatRef(), new TextMessage("【公开承诺】张三：严守政治纪律。"), bot.Time.GetUtcNow());
        await bot.Outbox.EnqueueAsync([announcement], CancellationToken.None);
        await bot.WaitUntilAsync(() => !bot.StandIn.RobotMessages.IsEmpty, "the robot message");

        Assert.Equal(new ChatRef("wecom", WeComBotUnderTest.EastRobot, ChatKind.Group, WeComBotUnderTest.EastRobot), group.ToChatRef());
        var sent = Assert.Single(bot.StandIn.RobotMessages);
        Assert.Equal("【公开承诺】张三：严守政治纪律。", sent["text"]!["content"]!.GetValue<string>());
        Assert.Empty(bot.StandIn.Sent);
    }

    [Fact]
    public async Task The_office_links_a_configured_robot_to_a_unit_from_its_private_chat()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(new() { ["WeCom:GroupRobots:west-group"] = WeComStandIn.RobotKey });
        var office = await bot.RegisterAsync("office1", "王主任", unit: "city", role: "office");
        Assert.Null(await ChatLinks.FindGroupOfUnitAsync(bot.Chats, "district_west", CancellationToken.None));

        await office.SayAsync("/link district_west no-such-robot");
        var unknown = await office.WaitForAsync("没有找到群");
        await office.SayAsync("/link district_west west-group");
        var linked = await office.WaitForAsync("已关联到");

        Assert.Contains("WeCom:GroupRobots", unknown, StringComparison.Ordinal);
        Assert.Contains("西区", linked, StringComparison.Ordinal);
        var group = await ChatLinks.FindGroupOfUnitAsync(bot.Chats, "district_west", CancellationToken.None);
        Assert.Equal("west-group", group?.ChatId);
    }

    [Fact]
    public async Task A_member_may_not_link_a_robot()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(new() { ["WeCom:GroupRobots:west-group"] = WeComStandIn.RobotKey });
        var member = await bot.RegisterAsync("member1", "赵六");

        await member.SayAsync("/link county_east west-group");
        await member.WaitForAsync("只有支部书记或活动办");

        Assert.Equal(WeComBotUnderTest.EastRobot, (await ChatLinks.FindGroupOfUnitAsync(bot.Chats, "county_east", CancellationToken.None))?.ChatId);
    }

    [Fact]
    public async Task A_robot_set_to_a_unit_the_campaign_lacks_stops_start_up_naming_the_setting()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            WeComBotUnderTest.StartAsync(new() { [$"WeCom:RobotUnits:{WeComBotUnderTest.EastRobot}"] = "atlantis" }));

        Assert.Contains($"WeCom:RobotUnits:{WeComBotUnderTest.EastRobot}", error.Message, StringComparison.Ordinal);
        Assert.Contains("atlantis", error.Message, StringComparison.Ordinal);
    }
}
