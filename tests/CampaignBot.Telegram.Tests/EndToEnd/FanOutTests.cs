using CampaignBot.Core.Messaging;

namespace CampaignBot.Telegram.Tests.EndToEnd;

public sealed class FanOutTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static async Task EnqueueAsync(TelegramBotUnderTest bot, int chats, int perChat)
    {
        var now = DateTimeOffset.UtcNow;
        var messages = new List<OutboxMessage>();
        for (var n = 1; n <= perChat; n++)
        {
            for (var c = 0; c < chats; c++)
            {
                var chat = new ChatRef("telegram", (900_000 + c).ToString(CultureInfo.InvariantCulture), ChatKind.Private);
                messages.Add(OutboxMessage.Create($"fan-{c}-{n}", chat, new TextMessage($"提醒 {n}"), now.AddTicks(n)));
            }
        }

        await bot.Outbox.EnqueueAsync(messages, CancellationToken.None);
    }

    [Fact]
    public async Task A_429_storm_during_a_500_message_fan_out_loses_nothing_and_doubles_nothing()
    {
        var rules = new StandInRules { GlobalPerSecond = 100, PrivateChatPerSecond = 1, GroupPerMinute = 20 };
        await using var bot = await TelegramBotUnderTest.CreateAsync(rules);

        // The bot is set faster than the server allows, so the server answers 429 again and again.
        await bot.StartAsync(extra: new() { ["Telegram:GlobalPerSecond"] = "300", ["Telegram:PrivateChatPerSecond"] = "3" });
        await EnqueueAsync(bot, chats: 250, perChat: 2);
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Count >= 500, Patience, "500 messages delivered");
        await WaitForAsync(async () => await bot.Outbox.CountAsync(OutboxStatus.Sent, CancellationToken.None) == 500);

        var state = bot.StandIn.State;
        Assert.True(state.Refused.Count(r => r.ErrorCode == 429) > 0, "the server should have throttled the bot");
        Assert.Equal(500, state.Sent.Count);
        Assert.All(state.Sent.GroupBy(m => (m.ChatId, m.Text)), g => Assert.Single(g));
        AssertLimitsKept(state.Sent, rules);
        Assert.Equal(0, await bot.Outbox.CountAsync(OutboxStatus.Pending, CancellationToken.None));
    }

    [Fact]
    public async Task A_fan_out_at_the_configured_pace_draws_few_429s_and_delivers_everything_once()
    {
        await using var bot = await TelegramBotUnderTest.CreateAsync(StandInRules.Telegram);
        await bot.StartAsync();

        await EnqueueAsync(bot, chats: 45, perChat: 2);
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Count >= 90, Patience, "90 messages delivered");

        // The pacer spaces sends from their slots and from when they actually left, 10% under the limits; on a
        // loaded machine request jitter can still put a few over the server's window. A few 429s are tolerated,
        // a storm is not, and nothing may be lost or doubled either way.
        var state = bot.StandIn.State;
        Assert.True(state.Refused.Count(r => r.ErrorCode == 429) <= 9, $"{state.Refused.Count} refusals for 90 sends");
        Assert.Equal(90, state.Sent.Count);
        Assert.All(state.Sent.GroupBy(m => (m.ChatId, m.Text)), g => Assert.Single(g));
        AssertLimitsKept(bot.StandIn.State.Sent, StandInRules.Telegram);
    }

    [Fact]
    public async Task Messages_to_one_chat_keep_their_order_through_a_429_storm()
    {
        var rules = new StandInRules { GlobalPerSecond = 100, PrivateChatPerSecond = 1, GroupPerMinute = 20 };
        await using var bot = await TelegramBotUnderTest.CreateAsync(rules);
        await bot.StartAsync(extra: new() { ["Telegram:GlobalPerSecond"] = "300", ["Telegram:PrivateChatPerSecond"] = "3" });

        await EnqueueAsync(bot, chats: 250, perChat: 2);
        await bot.StandIn.State.WaitForAsync(s => s.Sent.Count >= 500, Patience, "500 messages delivered");

        Assert.All(bot.StandIn.State.Sent.GroupBy(m => m.ChatId), g => Assert.Equal(["提醒 1", "提醒 2"], g.Select(m => m.Text)));
    }

    /// <summary>What the server accepted fits its limits: no second holds more than the global count, no chat two within a second.</summary>
    private static void AssertLimitsKept(IReadOnlyList<SentMessage> sent, StandInRules rules)
    {
        var times = sent.Select(m => m.At).Order().ToArray();
        for (var i = rules.GlobalPerSecond; i < times.Length; i++)
        {
            Assert.True(times[i] - times[i - rules.GlobalPerSecond] >= TimeSpan.FromSeconds(1), $"more than {rules.GlobalPerSecond} sends within a second at {times[i]:O}");
        }

        foreach (var chat in sent.GroupBy(m => m.ChatId))
        {
            var at = chat.Select(m => m.At).Order().ToArray();
            Assert.All(at.Zip(at.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromSeconds(1.0 / rules.PrivateChatPerSecond)));
        }
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        using var timeout = new CancellationTokenSource(Patience);
        using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        while (!await condition())
        {
            await tick.WaitForNextTickAsync(timeout.Token);
        }
    }
}
