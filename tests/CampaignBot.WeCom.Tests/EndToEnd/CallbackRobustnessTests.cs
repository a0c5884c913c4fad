using CampaignBot.Core.Storage;

namespace CampaignBot.WeCom.Tests.EndToEnd;

public sealed class CallbackRobustnessTests
{
    private static async Task<long[]> CountsAsync(WeComBotUnderTest bot) =>
    [
        await bot.Inbox.CountAsync(InboxStatus.Pending, CancellationToken.None),
        await bot.Inbox.CountAsync(InboxStatus.Handled, CancellationToken.None),
        await bot.Inbox.CountAsync(InboxStatus.Failed, CancellationToken.None),
        await bot.Outbox.CountAsync(OutboxStatus.Pending, CancellationToken.None),
        await bot.Outbox.CountAsync(OutboxStatus.Sent, CancellationToken.None),
    ];

    [Fact]
    public async Task A_callback_redelivered_three_times_is_answered_once()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var member = bot.Member("lisi");
        var hello = WeComMember.TextXml("lisi", "你好", 7_400_000_000_000_000_001, member.NextCreateTime());

        var statuses = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add(await member.PostAsync(hello));
        }

        await member.SayAsync("/help");
        await bot.WaitUntilAsync(() => member.Texts.Count >= 2, "the replies to 你好 and /help");
        await bot.WaitUntilAsync(async () => await bot.Inbox.CountAsync(InboxStatus.Pending, CancellationToken.None) == 0, "the inbox to empty");

        Assert.Equal([200, 200, 200], statuses);
        Assert.Single(member.Texts, t => t.StartsWith("你好！", StringComparison.Ordinal));
        Assert.Equal(2, await bot.Inbox.CountAsync(InboxStatus.Handled, CancellationToken.None));
    }

    [Fact]
    public async Task A_card_press_redelivered_moves_the_flow_once()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var code = await bot.CreateInviteAsync();
        var member = bot.Member("wangwu");
        await member.SayAsync("/start");
        await member.SayAsync(code);
        await member.SayAsync("王五");
        await bot.WaitUntilAsync(() => member.Cards.Count == 1, "the rank card");
        var card = member.Cards[0];
        var key = card["button_list"]![0]!["key"]!.GetValue<string>();
        var taskId = card["task_id"]!.GetValue<string>();
        var pressedAt = member.NextCreateTime();
        var press = WeComMember.PressXml("wangwu", key, taskId, bot.StandIn.ResponseCodeFor(taskId), pressedAt);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, await member.PostAsync(press));
        }

        await member.SayAsync("/me");
        await member.WaitForAsync("你正在进行");

        // The press is stored once and handled, not set aside: the error, if any, says why.
        var stored = await bot.Inbox.GetAsync($"wecom:wangwu:{pressedAt}:template_card_event:{key}", CancellationToken.None);
        Assert.True(stored is { Error: null }, $"The press was not handled cleanly: {stored?.Error ?? "not stored"}");
        // The press moved the flow once: one step-4 prompt of its own (the /me refusal shows the step again below it).
        Assert.Single(member.Texts, t => t.StartsWith("第 4 步", StringComparison.Ordinal));
        Assert.Single(member.Texts, t => t.StartsWith("你正在进行", StringComparison.Ordinal) && t.Contains("第 4 步", StringComparison.Ordinal));
        Assert.Single(bot.StandIn.CardUpdates);
        Assert.DoesNotContain(member.Texts, t => t.Contains("失效", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("signature")]
    [InlineData("ciphertext")]
    public async Task A_callback_with_one_flipped_byte_is_refused_and_changes_nothing(string where)
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var member = bot.Member("zhaoliu");
        await member.SayAsync("/help");
        await member.WaitForAsync("你可以使用");
        await bot.WaitUntilAsync(async () => (await CountsAsync(bot)).SequenceEqual([0L, 1, 0, 0, 1]), "the first /help handled and its reply marked sent");
        var sentBefore = bot.StandIn.Sent.Count;
        var forged = WeComMember.TextXml("zhaoliu", "/start", 7_400_000_000_000_000_002, member.NextCreateTime());

        var status = where == "signature"
            ? await member.PostAsync(forged, tamperSignature: FlipHexDigit)
            : await member.PostAsync(forged, tamperCipher: FlipCipherByte);
        await member.SayAsync("/help");
        await bot.WaitUntilAsync(() => bot.StandIn.Sent.Count > sentBefore, "the reply to the genuine /help");

        // Exactly what the genuine /help alone produces: one more update handled, one more reply sent.
        await bot.WaitUntilAsync(async () => (await CountsAsync(bot)).SequenceEqual([0L, 2, 0, 0, 2]), "the genuine /help handled and its reply marked sent");

        Assert.InRange(status, 400, 403);
        Assert.Equal(sentBefore + 1, bot.StandIn.Sent.Count);
        Assert.DoesNotContain(member.Texts, t => t.Contains("第 1 步", StringComparison.Ordinal));
        Assert.Null(await bot.Inbox.GetAsync("wecom:7400000000000000002", CancellationToken.None));
    }

    private static string FlipHexDigit(string signature) =>
        (signature[0] == '0' ? '1' : '0') + signature[1..];

    private static string FlipCipherByte(string encrypted)
    {
        var bytes = Convert.FromBase64String(encrypted);
        bytes[bytes.Length / 2] ^= 0x01;
        return Convert.ToBase64String(bytes);
    }
}
