using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Telegram.Tests.Evaluations;

public sealed class GroupVoteTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Two_hundred_evaluators_pressing_at_once_count_once_each_with_the_right_tally_and_verdict()
    {
        await using var bot = await EvaluationHost.StartAsync(StandInRules.Telegram);
        const long office = 1;
        await bot.RegisterAsync(office, Roles.CampaignOffice);
        var state = bot.StandIn.State;

        state.QueueUpdate(TelegramUpdates.Text(office, "/round open county_east style_status 2 group", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == TelegramUpdates.GroupId && m.ReplyMarkup?.Contains("ev:", StringComparison.Ordinal) == true), Patience, "the ballot in the group");
        var round = (await bot.Stores.EvaluationRounds.ListAsync("county_east", CancellationToken.None)).Single().Id;

        // 200 evaluators: 150 满意, 30 基本满意, 20 不满意; 40 of them press again with another choice;
        // 25 presses belong to a round that does not exist, 15 come from another group.
        var presses = new List<(long User, string Data, long Chat)>();
        for (var i = 0; i < 200; i++)
        {
            presses.Add((1000 + i, EvaluationText.Payload(round, i < 150 ? "satisfied" : i < 180 ? "basically_satisfied" : "unsatisfied"), TelegramUpdates.GroupId));
        }

        presses.AddRange(Enumerable.Range(0, 40).Select(i => (1000L + (i * 5), EvaluationText.Payload(round, "unsatisfied"), TelegramUpdates.GroupId)));
        presses.AddRange(Enumerable.Range(0, 25).Select(i => (5000L + i, EvaluationText.Payload("0000dead", "satisfied"), TelegramUpdates.GroupId)));
        presses.AddRange(Enumerable.Range(0, 15).Select(i => (6000L + i, EvaluationText.Payload(round, "satisfied"), -100777L)));
        var shuffled = presses.OrderBy(p => p.User % 7).ThenBy(p => p.User).ToList();
        for (var i = 0; i < shuffled.Count; i++)
        {
            state.QueueUpdate(TelegramUpdates.Callback(shuffled[i].User, shuffled[i].Data, shuffled[i].Chat, id: $"cbq-{i}"));
        }

        await state.WaitForAsync(s => s.Sent.Count(m => m.Method == "answerCallbackQuery") >= presses.Count, Patience, "an answer to every press");
        var notices = state.Sent.Where(m => m.Method == "answerCallbackQuery").Select(m => m.Text ?? "").ToList();
        Assert.Equal(200, notices.Count(n => n.StartsWith("投票成功", StringComparison.Ordinal)));
        Assert.Equal(36, notices.Count(n => n.Contains("不允许改票", StringComparison.Ordinal)));
        Assert.Equal(4, notices.Count(n => n.Contains("无需重复投票", StringComparison.Ordinal)));
        Assert.Equal(25, notices.Count(n => n.Contains("不存在", StringComparison.Ordinal)));
        Assert.Equal(15, notices.Count(n => n.Contains("不属于本群", StringComparison.Ordinal)));

        state.QueueUpdate(TelegramUpdates.Text(office, $"/round close {round}", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == TelegramUpdates.GroupId && m.Text?.Contains("结论", StringComparison.Ordinal) == true && m.Method == "sendMessage" && m.Text.Contains(" 结果", StringComparison.Ordinal)), Patience, "the result in the group");

        var closed = await bot.Stores.EvaluationRounds.GetAsync(round, CancellationToken.None);
        Assert.Equal(200, closed!.Result!.Votes);
        Assert.Equal(150, closed.Result.Counts["satisfied"]);
        Assert.Equal(30, closed.Result.Counts["basically_satisfied"]);
        Assert.Equal(20, closed.Result.Counts["unsatisfied"]);
        Assert.True(closed.Result.Passed);
        Assert.Equal(200, (await bot.Stores.Ballots.ListAsync(round, CancellationToken.None)).Count);
        var result = state.Sent.Last(m => m.ChatId == TelegramUpdates.GroupId && m.Text?.Contains(" 结果", StringComparison.Ordinal) == true).Text!;
        Assert.Contains("共 200 票：满意 150，基本满意 30，不满意 20", result, StringComparison.Ordinal);
        Assert.Contains("满意率（满意＋基本满意）：90%", result, StringComparison.Ordinal);
        Assert.Contains("结论：通过", result, StringComparison.Ordinal);
        Assert.DoesNotContain(state.Refused, r => r.ChatId == TelegramUpdates.GroupId);
    }
}
