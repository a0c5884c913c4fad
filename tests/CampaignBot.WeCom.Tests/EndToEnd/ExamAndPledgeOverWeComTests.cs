using CampaignBot.Core.Features.Examinations;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>The campaign's own work over WeCom: a self-examination with card buttons, a pledge published to the unit's group robot.</summary>
public sealed class ExamAndPledgeOverWeComTests
{
    /// <summary>2027-01-20 10:00 in Beijing: every unit of the shipped campaign has started.</summary>
    private static readonly DateTimeOffset CampaignRunning = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_member_fills_the_self_examination_with_card_buttons_and_submits_it()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(start: CampaignRunning);
        var member = await bot.RegisterAsync("cunmin1", "王村民", unit: "village_dongguan");
        var cardsBefore = member.Cards.Count;

        await member.SayAsync("/examine");
        await member.WaitForAsync("第 1/6 项");
        foreach (var (label, next) in new[] { ("不存在", "第 2/6 项"), ("部分存在", "第 3/6 项"), ("不存在", "第 4/6 项"), ("不存在", "第 5/6 项"), ("跳过", "第 6/6 项") })
        {
            await bot.WaitUntilAsync(() => member.Cards.Count > cardsBefore, $"the card before {next}");
            cardsBefore = member.Cards.Count;
            await member.PressAsync(label);
            await member.WaitForAsync(next);
        }

        await member.SayAsync("每周到群众家中走访一次，及时解决问题。");
        var summary = await member.WaitForAsync("提交");
        await member.SayAsync("7");
        await member.WaitForAsync("已提交对照检查（第 1 版）");

        Assert.Contains("7. 提交", summary, StringComparison.Ordinal);
        await bot.WaitUntilAsync(() => bot.StandIn.CardUpdates.Count == 5, "five card updates");
        Assert.Equal(
            ["已选：不存在", "已选：部分存在", "已选：不存在", "已选：不存在", "已选：跳过"],
            bot.StandIn.CardUpdates.Select(u => u["button"]!["replace_name"]!.GetValue<string>()));
        var examination = await bot.Examinations.GetAsync("wecom:cunmin1", CancellationToken.None);
        Assert.Equal(ExaminationStatus.Submitted, examination!.Status);
        Assert.Equal("none", examination.Answers["wind_formalism"].Choice);
        Assert.Equal("partly", examination.Answers["wind_bureaucratism"].Choice);
        Assert.Equal("每周到群众家中走访一次，及时解决问题。", examination.Answers["measures"].Text);
    }

    [Fact]
    public async Task A_pledge_published_over_WeCom_reaches_the_units_group_robot()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(start: CampaignRunning);
        var member = await bot.RegisterAsync("kezhang1", "李科长", unit: "county_east", rank: 2);
        const string Pledge = "严守政治纪律，不说不利于团结的话，不做违反纪律的事。";

        await member.SayAsync("/pledge");
        await member.WaitForAsync("选好了");
        await member.SayAsync("1");
        await member.WaitForAsync("✓ ");
        await member.SayAsync("8");
        await member.WaitForAsync("请写下你在");
        await member.SayAsync(Pledge);
        await member.WaitForAsync("承诺预览");
        await bot.WaitUntilAsync(() => member.Cards.Any(c => c["button_list"]!.AsArray().Any(b => b!["text"]!.GetValue<string>() == "确认发布")), "the preview card");
        await member.PressAsync("确认发布");
        var published = await member.WaitForAsync("已发布 1 条公开承诺");
        await bot.WaitUntilAsync(() => !bot.StandIn.RobotMessages.IsEmpty, "the group robot's message");

        Assert.Contains(WeComBotUnderTest.EastRobot, published, StringComparison.Ordinal);
        var post = Assert.Single(bot.StandIn.RobotMessages)["text"]!["content"]!.GetValue<string>();
        Assert.StartsWith("【公开承诺】李科长（", post, StringComparison.Ordinal);
        Assert.Contains(Pledge, post, StringComparison.Ordinal);
        Assert.Equal("已选：确认发布", bot.StandIn.CardUpdates.Last()["button"]!["replace_name"]!.GetValue<string>());
    }
}
