using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.WeCom.Tests.EndToEnd;

/// <summary>
/// Ballots over the WeCom stand-in where cards fail: typed numbers answer a private ballot, and a round in a WeCom group
/// (a group robot, where no press reaches the app) goes out as private ballots with only turnout and the result posted.
/// </summary>
public sealed partial class WeComBallotTests
{
    private static readonly Dictionary<string, string?> Evaluations = new() { ["Evaluation:BallotSecret"] = "wecom-ballot-secret-0123456789" };

    // 10:00 in the campaign's zone, so the reminder two hours before a four-hour round's end is outside quiet hours.
    private static readonly DateTimeOffset Morning = new(2027, 3, 10, 2, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_private_ballot_is_answered_by_typing_its_number_where_the_client_shows_no_cards()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(Evaluations, Morning);
        var office = await bot.RegisterAsync("office1", "王主任", unit: "city", role: "office");
        var voter = await bot.RegisterAsync("voter1", "赵六");

        await office.SayAsync("/round open county_east style_status 4 roster");
        var roundId = RoundId(await office.WaitForAsync("已开启评议"));
        var ballot = await voter.WaitForAsync("【群众评议】");
        await voter.SayAsync("2");
        var thanks = await voter.WaitForAsync("你的投票已记录");

        Assert.Contains("1. 满意", ballot, StringComparison.Ordinal);
        Assert.Contains("回复序号", ballot, StringComparison.Ordinal);
        Assert.DoesNotContain("基本满意", thanks, StringComparison.Ordinal);
        var tally = await Stores(bot).Ballots.TallyAsync(roundId, CancellationToken.None);
        Assert.Equal((1L, 1L), (tally.Total, tally.Count("basically_satisfied")));
        Assert.True((await Stores(bot).Turnout.GetAsync(roundId, "wecom:voter1", CancellationToken.None))!.Voted);

        // The inbox no longer links the typed number to its sender, as with a press.
        var stored = (await bot.Inbox.GetAsync($"wecom:{voter.LastMsgId}", CancellationToken.None))!;
        Assert.Contains($"ev:{roundId}:-", stored.Payload, StringComparison.Ordinal);

        await voter.SayAsync("1");
        await voter.WaitForAsync("发送 /help");
        Assert.Equal(1L, (await Stores(bot).Ballots.TallyAsync(roundId, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_number_that_is_no_choice_is_refused_and_counts_nothing()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(Evaluations, Morning);
        var office = await bot.RegisterAsync("office1", "王主任", unit: "city", role: "office");
        var voter = await bot.RegisterAsync("voter1", "赵六");
        await office.SayAsync("/round open county_east style_status 4 roster");
        var roundId = RoundId(await office.WaitForAsync("已开启评议"));
        await voter.WaitForAsync("【群众评议】");

        await voter.SayAsync("9");
        await voter.WaitForAsync("请回复 1 到 3 之间的序号");

        Assert.Equal(0L, (await Stores(bot).Ballots.TallyAsync(roundId, CancellationToken.None)).Total);
    }

    [Fact]
    public async Task A_round_in_a_wecom_group_sends_each_listed_member_a_private_ballot_and_the_robot_posts_only_turnout_and_the_result()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(Evaluations, Morning);
        var office = await bot.RegisterAsync("office1", "王主任", unit: "city", role: "office");
        var pressing = await bot.RegisterAsync("voter1", "赵六");
        var typing = await bot.RegisterAsync("voter2", "钱七");
        await bot.RegisterAsync("voter3", "孙八");

        await office.SayAsync("/round open county_east style_status 4 group");
        var opened = await office.WaitForAsync("已开启评议");
        var roundId = RoundId(opened);
        await pressing.WaitForAsync("【群众评议】");
        await typing.WaitForAsync("【群众评议】");
        await bot.WaitUntilAsync(() => !bot.StandIn.RobotMessages.IsEmpty, "the group's announcement");

        await bot.WaitUntilAsync(() => pressing.Cards.Any(c => c.ToJsonString().Contains($"ev:{roundId}:", StringComparison.Ordinal)), "the ballot card");
        await pressing.PressAsync("满意");
        await pressing.WaitForAsync("你的投票已记录");
        await typing.SayAsync("3");
        await typing.WaitForAsync("你的投票已记录");

        // Two hours before the close the group hears the turnout: counts, no names.
        bot.Time.Advance(TimeSpan.FromHours(2));
        await bot.WaitUntilAsync(() => RobotTexts(bot).Any(t => t.Contains("已投票 2 / 3 人", StringComparison.Ordinal)), "the turnout in the group");

        await office.SayAsync($"/round close {roundId}");
        await office.WaitForAsync("结果");
        await bot.WaitUntilAsync(() => RobotTexts(bot).Any(t => t.Contains("作风现状评价 结果", StringComparison.Ordinal)), "the result in the group");

        var round = (await Stores(bot).EvaluationRounds.GetAsync(roundId, CancellationToken.None))!;
        Assert.True(round.PrivateBallots);
        Assert.Contains("私发选票", opened, StringComparison.Ordinal);
        var group = RobotTexts(bot);
        Assert.Equal(3, group.Count);
        Assert.Contains("选票已私发给本单位名单中的 3 人", group[0], StringComparison.Ordinal);
        Assert.Contains("共 2 票：满意 1，基本满意 0，不满意 1", group[2], StringComparison.Ordinal);
        Assert.All(group, text => Assert.DoesNotContain("赵六", text, StringComparison.Ordinal));
        Assert.All(group, text => Assert.DoesNotContain("/round", text, StringComparison.Ordinal));
        Assert.Equal(2L, round.Result!.Votes);
        Assert.Equal(3, (await Stores(bot).Turnout.ListAsync(roundId, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_press_on_a_private_ballot_of_a_group_round_from_another_chat_is_refused()
    {
        await using var bot = await WeComBotUnderTest.StartAsync(Evaluations, Morning);
        var office = await bot.RegisterAsync("office1", "王主任", unit: "city", role: "office");
        var voter = await bot.RegisterAsync("voter1", "赵六");
        var outsider = await bot.RegisterAsync("west1", "周九", unit: "district_west");
        await office.SayAsync("/round open county_east style_status 4 group");
        var roundId = RoundId(await office.WaitForAsync("已开启评议"));
        await voter.WaitForAsync("【群众评议】");

        // Someone not on the unit's list types a number: no ballot of theirs is waiting, so it is ordinary text.
        await outsider.SayAsync("1");
        await outsider.WaitForAsync("发送 /help");

        Assert.Equal(0L, (await Stores(bot).Ballots.TallyAsync(roundId, CancellationToken.None)).Total);
        Assert.Null(await Stores(bot).Turnout.GetAsync(roundId, "wecom:west1", CancellationToken.None));
    }

    private static StoreBundle Stores(WeComBotUnderTest bot) => bot.Services.GetRequiredService<StoreBundle>();

    private static List<string> RobotTexts(WeComBotUnderTest bot) =>
        [.. bot.StandIn.RobotMessages.Select(m => m["text"]?["content"]?.GetValue<string>() ?? string.Empty)];

    private static string RoundId(string reply) => RoundIdPattern().Match(reply) is { Success: true } match ? match.Groups[1].Value : throw new InvalidOperationException(reply);

    [GeneratedRegex("已开启评议 ([0-9a-f]{8})")]
    private static partial Regex RoundIdPattern();
}
