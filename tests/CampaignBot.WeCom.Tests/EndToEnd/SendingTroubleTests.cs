using CampaignBot.Core.Storage;

namespace CampaignBot.WeCom.Tests.EndToEnd;

public sealed class SendingTroubleTests
{
    [Fact]
    public async Task An_access_token_that_expires_mid_conversation_is_fetched_again_and_nothing_is_lost()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var code = await bot.CreateInviteAsync();
        var member = bot.Member("sunqi");
        await member.SayAsync("/start");
        await member.WaitForAsync("第 1 步");
        Assert.Equal(1, bot.StandIn.TokensIssued);

        bot.StandIn.ExpireAllTokens();
        await member.SayAsync(code);
        await member.WaitForAsync("第 2 步");

        Assert.Equal(2, bot.StandIn.TokensIssued);
        Assert.Equal(0, await bot.Outbox.CountAsync(OutboxStatus.Rejected, CancellationToken.None));
        Assert.Single(member.Texts, t => t.Contains("第 2 步", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Frequency_limit_45009_holds_the_member_back_a_minute_then_sends_in_order_once_without_counting_an_attempt()
    {
        await using var bot = await WeComBotUnderTest.StartAsync();
        var member = bot.Member("zhouba");
        bot.StandIn.InjectError(45009);

        await member.SayAsync("/start");
        var welcomeId = $"wecom:{member.LastMsgId}#00";
        await bot.WaitUntilAsync(async () => (await bot.Outbox.GetAsync(welcomeId, CancellationToken.None))?.LastError is not null, "the throttled attempt");
        var held = (await bot.Outbox.GetAsync(welcomeId, CancellationToken.None))!;
        Assert.Empty(member.Texts);
        Assert.Contains("45009", held.LastError, StringComparison.Ordinal);

        await member.WaitForAsync("第 1 步");
        // The "sent" mark is written once the channel took the message, so it may land just after the member sees it.
        await bot.WaitUntilAsync(async () => (await bot.Outbox.GetAsync(welcomeId, CancellationToken.None))?.Status == OutboxStatus.Sent, "the sent mark");
        var sent = (await bot.Outbox.GetAsync(welcomeId, CancellationToken.None))!;

        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(0, sent.Attempts);
        Assert.True(sent.SentAt - held.CreatedAt >= TimeSpan.FromMinutes(1), $"sent {sent.SentAt - held.CreatedAt} after it was stored");
        // The welcome heads the first step's prompt: one message, sent once.
        var text = Assert.Single(member.Texts);
        Assert.StartsWith("欢迎", text, StringComparison.Ordinal);
        Assert.Contains("\n\n第 1 步", text, StringComparison.Ordinal);
    }
}
