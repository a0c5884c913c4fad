using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Telegram.Hosting;

namespace CampaignBot.Telegram.Tests;

public sealed class TokenSecrecyTests
{
    [Fact]
    public async Task Token_never_appears_in_logs_or_send_results()
    {
        // Long enough that a loaded machine still gets each scripted answer before the client gives up; the hangs use it up.
        await using var harness = await TelegramHarness.StartAsync(httpTimeout: TimeSpan.FromSeconds(2));
        var state = harness.StandIn.State;
        state.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request");
        state.FailNext("getUpdates", 500, "Internal Server Error");
        state.HangNext("getUpdates");
        state.FailNext("sendMessage", 400, "Bad Request: chat not found");
        state.FailNext("sendMessage", 502, "Bad Gateway");
        state.HangNext("sendMessage");
        state.BlockChat(13);
        state.QueueUpdate(TelegramUpdates.Text(12, "/start"));
        var results = new List<object>();

        var poller = harness.NewPoller();
        await poller.StartAsync(CancellationToken.None);
        await harness.Sink.WaitForStoredAsync(1, TimeSpan.FromSeconds(20));
        await poller.StopAsync(CancellationToken.None);
        var chat = new ChatRef("telegram", "12", ChatKind.Private);
        foreach (var chatId in new[] { "12", "12", "12", "13", "not-a-chat" })
        {
            var body = new TextMessage("你好");
            var message = OutboxMessage.Create("o", chat with { Id = chatId }, body, DateTimeOffset.UnixEpoch);
            results.Add(await harness.Sender.SendAsync(message, body, null, CancellationToken.None));
        }

        await harness.StandIn.DisposeAsync();
        results.Add(await harness.Sender.SendAsync(OutboxMessage.Create("o", chat, new TextMessage("x"), DateTimeOffset.UnixEpoch), new TextMessage("x"), null, CancellationToken.None));
        var setup = ActivatorUtilities.CreateInstance<TelegramSetupService>(harness.Services);
        await Assert.ThrowsAnyAsync<Exception>(() => setup.ConfigureAsync(CancellationToken.None));

        var everything = harness.Everything(results);
        Assert.Contains("another instance is polling", everything, StringComparison.Ordinal);
        Assert.Contains(results, r => r is SendChatUnreachable);
        Assert.Equal(6, results.Count(r => r is not SendSucceeded));
        Assert.DoesNotContain(TelegramHarness.Token, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramHarness.Token.Split(':')[1], everything, StringComparison.Ordinal);
    }
}
