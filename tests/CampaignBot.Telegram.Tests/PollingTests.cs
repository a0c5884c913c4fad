namespace CampaignBot.Telegram.Tests;

public sealed class PollingTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Offset_moves_past_a_batch_only_after_the_inbox_took_every_update()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var ids = new[] { 1, 2, 3 }.Select(i => harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(40 + i, $"m{i}"))).ToArray();
        harness.Sink.Gate = new TaskCompletionSource();
        var poller = harness.NewPoller();

        var round = poller.PollOnceAsync(CancellationToken.None);
        await harness.StandIn.State.WaitForAsync(s => s.Calls.Contains("getUpdates"), Patience, "getUpdates");

        Assert.False(round.IsCompleted);
        Assert.Equal(0, poller.Offset);
        harness.Sink.Gate.SetResult();
        await round;
        Assert.Equal(ids[^1] + 1, poller.Offset);
        Assert.Equal(3, harness.Sink.Stored.Count);

        // The next round confirms the batch to Telegram.
        await poller.PollOnceAsync(CancellationToken.None);
        Assert.Equal(ids[^1] + 1, harness.StandIn.State.ConfirmedOffset);
        Assert.Equal(0, harness.StandIn.State.PendingUpdates);
    }

    [Fact]
    public async Task Inbox_failing_mid_batch_gets_the_whole_batch_again_and_loses_nothing()
    {
        await using var harness = await TelegramHarness.StartAsync();
        for (var i = 1; i <= 3; i++)
        {
            harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(50 + i, $"m{i}"));
        }

        harness.Sink.FailOnCall[2] = true;
        var poller = harness.NewPoller();

        await Assert.ThrowsAsync<InvalidOperationException>(() => poller.PollOnceAsync(CancellationToken.None));
        Assert.Equal(0, poller.Offset);
        await poller.PollOnceAsync(CancellationToken.None);

        Assert.Equal(["51", "52", "53"], harness.Sink.Stored.Select(i => i.Sender.Id));
        Assert.Equal(2, harness.Sink.Accepted.Count(id => id == harness.Sink.Stored.First().UpdateId));
    }

    [Fact]
    public async Task Polling_loop_recovers_from_a_failing_inbox_and_confirms_everything()
    {
        await using var harness = await TelegramHarness.StartAsync();
        for (var i = 1; i <= 5; i++)
        {
            harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(60 + i, $"m{i}"));
        }

        harness.Sink.FailOnCall[3] = true;
        using var stop = new CancellationTokenSource();
        var poller = harness.NewPoller();
        await poller.StartAsync(stop.Token);

        await harness.Sink.WaitForStoredAsync(5, Patience);
        await harness.StandIn.State.WaitForAsync(s => s.PendingUpdates == 0, Patience, "batch confirmed");
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal(5, harness.Sink.Stored.Count);
        Assert.Contains(harness.Logs.Lines, l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("inbox unavailable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Conflict_409_is_logged_as_another_poller_and_retried()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.FailNext("getUpdates", 409, "Conflict: terminated by other getUpdates request", times: 2);
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(70, "hi"));
        var poller = harness.NewPoller();

        await poller.StartAsync(CancellationToken.None);
        await harness.Sink.WaitForStoredAsync(1, Patience);
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal(2, harness.Logs.Lines.Count(l => l.Contains("another instance is polling or a webhook is set", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Server_errors_and_malformed_updates_do_not_stop_the_loop()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.FailNext("getUpdates", 502, "Bad Gateway");
        var broken = TelegramUpdates.Text(80, "lost");
        broken["message"]!.AsObject().Remove("chat");
        var brokenId = harness.StandIn.State.QueueUpdate(broken);
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(81, "kept"));
        var poller = harness.NewPoller();

        await poller.StartAsync(CancellationToken.None);
        await harness.Sink.WaitForStoredAsync(1, Patience);
        await harness.StandIn.State.WaitForAsync(s => s.PendingUpdates == 0, Patience, "malformed update confirmed");
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal("81", Assert.Single(harness.Sink.Stored).Sender.Id);
        Assert.Contains(harness.Logs.Lines, l => l.Contains($"update {brokenId} is malformed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_the_client_cannot_even_read_is_skipped_and_the_rest_of_its_batch_is_kept()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(90, "before"));
        var broken = harness.StandIn.State.QueueUpdate(new System.Text.Json.Nodes.JsonObject { ["message"] = "not an object" });
        harness.StandIn.State.QueueUpdate(TelegramUpdates.Text(91, "after"));
        var poller = harness.NewPoller();

        await poller.StartAsync(CancellationToken.None);
        await harness.Sink.WaitForStoredAsync(2, Patience);
        await harness.StandIn.State.WaitForAsync(s => s.PendingUpdates == 0, Patience, "batch confirmed");
        await poller.StopAsync(CancellationToken.None);

        Assert.Equal(["90", "91"], harness.Sink.Stored.Select(i => i.Sender.Id));
        Assert.Contains(harness.Logs.Lines, l => l.Contains($"update {broken} is malformed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Get_updates_asks_for_exactly_the_kinds_we_map()
    {
        await using var harness = await TelegramHarness.StartAsync();

        await harness.NewPoller().PollOnceAsync(CancellationToken.None);

        Assert.Equal(["message", "callback_query", "poll_answer", "my_chat_member"], harness.StandIn.State.LastAllowedUpdates);
    }
}
