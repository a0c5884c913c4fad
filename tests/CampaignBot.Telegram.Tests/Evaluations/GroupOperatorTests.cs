using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Telegram.Tests.Evaluations;

/// <summary>An office member runs a round from the unit's group over Telegram: the group sees ballots and results, once, and no instructions.</summary>
public sealed class GroupOperatorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task A_round_run_from_the_group_posts_one_result_there_and_keeps_operator_instructions_private()
    {
        await using var bot = await EvaluationHost.StartAsync(StandInRules.Telegram);
        const long office = 1;
        await bot.RegisterAsync(office, Roles.CampaignOffice);
        var state = bot.StandIn.State;

        state.QueueUpdate(TelegramUpdates.Text(office, "/round open county_east style_status 2 group", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == office && m.Text?.Contains("/round close", StringComparison.Ordinal) == true), Patience, "the instructions in the operator's private chat");
        var round = (await bot.Stores.EvaluationRounds.ListAsync("county_east", CancellationToken.None)).Single().Id;
        for (var i = 0; i < 5; i++)
        {
            state.QueueUpdate(TelegramUpdates.Callback(2000 + i, EvaluationText.Payload(round, "satisfied"), TelegramUpdates.GroupId, id: $"cbq-{i}"));
        }

        await state.WaitForAsync(s => s.Sent.Count(m => m.Method == "answerCallbackQuery") >= 5, Patience, "an answer to every press");
        state.QueueUpdate(TelegramUpdates.Text(office, $"/round close {round}", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == office && m.Text?.Contains(" 结果", StringComparison.Ordinal) == true), Patience, "the result in the operator's private chat");

        // A later group message marks the end of what the close sent there (a chat's messages go out in order).
        state.QueueUpdate(TelegramUpdates.Text(office, "/round open county_east problems_found 2 group", TelegramUpdates.GroupId));
        await state.WaitForAsync(s => s.Sent.Any(m => m.ChatId == TelegramUpdates.GroupId && m.Text?.Contains("查摆问题评议", StringComparison.Ordinal) == true), Patience, "the next ballot in the group");

        var toGroup = state.Sent.Where(m => m.ChatId == TelegramUpdates.GroupId && m.Method == "sendMessage").Select(m => m.Text ?? string.Empty).ToList();
        var toOffice = state.Sent.Where(m => m.ChatId == office && m.Method == "sendMessage").Select(m => m.Text ?? string.Empty).ToList();
        Assert.Single(toGroup, t => t.Contains(" 结果", StringComparison.Ordinal));
        Assert.Single(toOffice, t => t.Contains(" 结果", StringComparison.Ordinal));
        Assert.DoesNotContain(toGroup, t => t.Contains("/round", StringComparison.Ordinal));
        Assert.Contains(toGroup, t => t.Contains("票数不足：5 票，至少需要 10 票", StringComparison.Ordinal));
        Assert.Contains(toOffice, t => t.Contains("/round open county_east style_status", StringComparison.Ordinal));
    }
}
