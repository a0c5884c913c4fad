using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

/// <summary>What the group, the office and whoever operates a round each read: results once, instructions privately, verdicts with their reason.</summary>
public sealed class OperatorAndResultTests
{
    [Fact]
    public async Task Closing_a_round_from_the_group_posts_its_result_once_to_the_group_and_once_to_the_office()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        await bot.RegisterAsync("office2", Roles.CampaignOffice);
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24");
        await VoteAsync(bot, round, 3, satisfied: 3);

        var closing = await bot.CommandAsync(Group, "office1", "round", $"close {round}");
        var later = await bot.AdvanceAsync(TimeSpan.FromHours(25));
        var again = await bot.CommandAsync(Group, "office1", "round", $"close {round}");

        var all = closing.Concat(later).Concat(again).ToList();
        Assert.Equal(1, Results(all, Group));
        Assert.Equal(1, Results(all, Private("office1")));
        Assert.Equal(1, Results(all, Private("office2")));
        Assert.Contains("已经结束", Texts(again.Where(m => m.Chat == Private("office1"))), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closing_a_round_from_a_private_chat_tells_the_closer_once()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24");

        var closing = await bot.CommandAsync(Private("office1"), "office1", "round", $"close {round}");

        Assert.Equal(1, Results(closing, Private("office1")));
        Assert.Equal(1, Results(closing, Group));
    }

    [Fact]
    public async Task Operator_instructions_go_privately_to_whoever_operates_and_never_to_the_group()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var opened = await bot.CommandAsync(Group, "office1", "round", "open county_east style_status 24");
        var round = BallotRound(opened);
        await VoteAsync(bot, round, 2, satisfied: 1);
        var refused = await bot.CommandAsync(Group, "office1", "round", "open county_east style_status 24");
        var usage = await bot.CommandAsync(Group, "office1", "round", "whatever");
        var closed = await bot.CommandAsync(Group, "office1", "round", $"close {round}");

        var all = opened.Concat(refused).Concat(usage).Concat(closed).ToList();
        var toGroup = Texts(all.Where(m => m.Chat == Group));
        var toOperator = Texts(all.Where(m => m.Chat == Private("office1")));
        Assert.DoesNotContain("/round", toGroup, StringComparison.Ordinal);
        Assert.Contains("未通过，需要补课", toGroup, StringComparison.Ordinal);
        Assert.Contains($"提前结束：/round close {round}", toOperator, StringComparison.Ordinal);
        Assert.Contains("已有进行中的评议", toOperator, StringComparison.Ordinal);
        Assert.Contains("用法：/round open", toOperator, StringComparison.Ordinal);
        Assert.Contains("/round open county_east style_status", toOperator, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_verdict_names_the_rule_that_decided_it()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);

        var tooFew = await CloseAfterAsync(bot, "style_status", voters: 5, satisfied: 4);
        var tooLow = await CloseAfterAsync(bot, "problems_found", voters: 12, satisfied: 6);
        var passed = await CloseAfterAsync(bot, "rectification", voters: 10, satisfied: 9);

        Assert.Contains("结论：未通过，需要补课（票数不足：5 票，至少需要 10 票）", tooFew, StringComparison.Ordinal);
        Assert.Contains("结论：未通过，需要补课（满意率 50%，低于 80%）", tooLow, StringComparison.Ordinal);
        Assert.Contains("结论：通过（10 票（至少 10 票），满意率 90%（不低于 80%））", passed, StringComparison.Ordinal);
        var report = Texts(await bot.CommandAsync(Private("office1"), "office1", "results"));
        Assert.Contains("票数不足：5 票，至少需要 10 票", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Results_show_an_open_round_with_its_ballots_so_far_and_stages_in_campaign_order()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var first = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24");
        await bot.CommandAsync(Group, "office1", "round", $"close {first}");
        var open = await GroupRoundTests.OpenAsync(bot, "county_east problems_found 24");
        await VoteAsync(bot, open, 5, satisfied: 4);

        var report = Texts(await bot.CommandAsync(Private("office1"), "office1", "results"));

        Assert.Contains("查摆问题评议：进行中，第 1 轮，5 票，满意率 80%", report, StringComparison.Ordinal);
        Assert.Contains("当前 5 票，满意率 80%", report, StringComparison.Ordinal);
        Assert.True(
            report.IndexOf("作风现状评价", StringComparison.Ordinal) < report.IndexOf("查摆问题评议", StringComparison.Ordinal),
            "stages follow the campaign's order, not their codes:\n" + report);
    }

    private static async Task<string> CloseAfterAsync(EvaluationBot bot, string stage, int voters, int satisfied)
    {
        var round = await GroupRoundTests.OpenAsync(bot, $"county_east {stage} 24");
        await VoteAsync(bot, round, voters, satisfied);
        return Texts((await bot.CommandAsync(Group, "office1", "round", $"close {round}")).Where(m => m.Chat == Group));
    }

    private static int Results(IEnumerable<OutboxMessage> messages, ChatRef chat) =>
        messages.Count(m => m.Chat == chat && m.ReadBody() is TextMessage { Text: var text } && text.Contains(" 结果\n", StringComparison.Ordinal));

    private static string BallotRound(IEnumerable<OutboxMessage> opened) =>
        Assert.IsType<TextMessage>(opened.Single(m => m.Id.EndsWith(":ballot", StringComparison.Ordinal)).ReadBody()).Buttons![0][0].Payload.Split(':')[1];

    private static async Task VoteAsync(EvaluationBot bot, string round, int voters, int satisfied)
    {
        for (var i = 0; i < voters; i++)
        {
            var notice = Notice(await bot.PressAsync(Group, $"{round}-v{i}", EvaluationText.Payload(round, i < satisfied ? "satisfied" : "unsatisfied")));
            Assert.Contains("投票成功", notice, StringComparison.Ordinal);
        }
    }
}
