using System.Net;

namespace CampaignBot.Telegram.Tests;

/// <summary>
/// Updates the client's reader fails on with something other than a JSON error, found by the malformed-update property:
/// before, polling stayed at their offset for ever (the loop logged, backed off and read the same batch again) and the
/// webhook answered 500, which Telegram delivers again and again.
/// </summary>
public sealed class UnreadableUpdateTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    public static TheoryData<string> Poisons => ["member status missing", "date past 9999", "text with half a character"];

    [Theory]
    [InlineData("member status missing")]
    [InlineData("date past 9999")]
    public async Task Polling_skips_an_update_the_reader_fails_on_and_keeps_the_rest_of_its_batch(string poison)
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(90, "before"));
        var broken = harness.StandIn.State.QueueUpdate(Poison(poison));
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(91, "after"));
        var poller = harness.NewPoller();

        await poller.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["90", "91"], harness.Sink.Stored.Select(i => i.Sender.Id));
        Assert.True(poller.Offset > broken, $"the offset {poller.Offset} should have moved past update {broken}");
    }

    [Theory]
    [MemberData(nameof(Poisons))]
    public async Task The_webhook_answers_200_to_an_update_the_reader_fails_on_and_stores_the_next(string poison)
    {
        await using var host = await WebhookHost.StartAsync();
        var update = Poison(poison);
        update["update_id"] = 950;
        var next = TelegramUpdates.Text(42, "/help");
        next["update_id"] = 951;

        using var unreadable = await host.PostAsync(Body(poison, update), WebhookHost.Secret);
        using var good = await host.PostAsync(next.ToJsonString(), WebhookHost.Secret);

        Assert.Equal(HttpStatusCode.OK, unreadable.StatusCode);
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        Assert.Equal("951", Assert.Single(host.Sink.Stored).UpdateId);
    }

    private static JsonObject Poison(string poison)
    {
        switch (poison)
        {
            case "member status missing":
                var member = TelegramUpdates.MyChatMember(42, "member");
                ((JsonObject)member["my_chat_member"]!["old_chat_member"]!).Remove("status");
                return member;
            case "date past 9999":
                var late = TelegramUpdates.Text(42, "hi");
                late["message"]!["date"] = long.MaxValue;
                return late;
            default:
                return TelegramUpdates.Text(42, "__half__");
        }
    }

    /// <summary>The escape of half a character can only be written into the JSON text: no JSON library makes one.</summary>
    private static string Body(string poison, JsonObject update) =>
        update.ToJsonString().Replace("__half__", poison == "text with half a character" ? "\\ud800" : "__half__", StringComparison.Ordinal);
}
