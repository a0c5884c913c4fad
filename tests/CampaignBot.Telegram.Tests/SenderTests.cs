using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;

namespace CampaignBot.Telegram.Tests;

public sealed class SenderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    private static OutboxMessage Outbox(long chatId, Outbound body, string id = "o-1")
    {
        var kind = chatId < 0 ? ChatKind.Group : ChatKind.Private;
        var chat = new ChatRef("telegram", chatId.ToString(System.Globalization.CultureInfo.InvariantCulture), kind);
        return OutboxMessage.Create(id, chat, body, Now);
    }

    private static Task<SendResult> SendAsync(TelegramHarness harness, long chatId, Outbound body, string? editTarget = null) =>
        harness.Sender.SendAsync(Outbox(chatId, body), body, editTarget, CancellationToken.None);

    [Fact]
    public async Task Text_with_buttons_arrives_with_its_inline_keyboard()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var body = new TextMessage("请投票", [[new Button("满意", "v:r1:1"), new Button("不满意", "v:r1:3")]]);

        var result = await SendAsync(harness, 42, body);

        var sent = Assert.Single(harness.StandIn.State.Sent);
        Assert.Equal(new SendSucceeded(sent.MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), result);
        Assert.Equal("请投票", sent.Text);
        Assert.Contains("\"callback_data\":\"v:r1:3\"", sent.ReplyMarkup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Button_payload_over_64_bytes_is_rejected_and_nothing_is_sent()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var body = new TextMessage("x", [[new Button("长", new string('投', 22))]]);

        var result = await SendAsync(harness, 42, body);

        Assert.Contains("64 bytes", Assert.IsType<SendRejected>(result).Reason, StringComparison.Ordinal);
        Assert.Empty(harness.StandIn.State.Sent);
    }

    [Fact]
    public async Task Long_text_is_split_on_lines_with_the_buttons_on_the_last_part()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var lines = Enumerable.Range(1, 400).Select(i => $"第{i}条：群众意见已收到，正在整改落实。").ToArray();
        var body = new TextMessage(string.Join('\n', lines), [[new Button("好", "ok")]]);

        var result = await SendAsync(harness, 42, body);

        var sent = harness.StandIn.State.Sent;
        Assert.True(sent.Count > 1);
        Assert.All(sent, s => Assert.True(s.Text!.Length <= 4096));
        Assert.Equal(lines, sent.SelectMany(s => s.Text!.Split('\n')));
        Assert.All(sent.Take(sent.Count - 1), s => Assert.Null(s.ReplyMarkup));
        Assert.NotNull(sent[^1].ReplyMarkup);
        Assert.Equal(new SendSucceeded(sent[^1].MessageId.ToString(System.Globalization.CultureInfo.InvariantCulture)), result);
    }

    [Fact]
    public async Task Too_many_requests_is_throttled_with_the_servers_retry_after()
    {
        var frozen = new FakeTimeProvider(Now);
        await using var harness = await TelegramHarness.StartAsync(StandInRules.Telegram, frozen);

        Assert.IsType<SendSucceeded>(await SendAsync(harness, 42, new TextMessage("一")));
        var second = await SendAsync(harness, 42, new TextMessage("二"));
        frozen.Advance(TimeSpan.FromSeconds(1));
        var third = await SendAsync(harness, 42, new TextMessage("三"));

        Assert.Equal(TimeSpan.FromSeconds(1), Assert.IsType<SendThrottled>(second).RetryAfter);
        Assert.IsType<SendSucceeded>(third);
    }

    [Fact]
    public async Task Blocked_chat_is_unreachable()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.BlockChat(42);

        var result = await SendAsync(harness, 42, new TextMessage("你好"));

        Assert.Contains("blocked", Assert.IsType<SendChatUnreachable>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_client_error_is_rejected_with_the_reason()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.FailNext("sendMessage", 400, "Bad Request: chat not found");

        var result = await SendAsync(harness, 42, new TextMessage("你好"));

        Assert.Contains("chat not found", Assert.IsType<SendRejected>(result).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    public async Task Server_error_is_a_transient_failure(int status)
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.FailNext("sendMessage", status, "Internal Server Error");

        Assert.IsType<SendFailedTransiently>(await SendAsync(harness, 42, new TextMessage("你好")));
    }

    [Fact]
    public async Task Timeout_is_a_transient_failure()
    {
        await using var harness = await TelegramHarness.StartAsync(httpTimeout: TimeSpan.FromMilliseconds(300));
        harness.StandIn.State.HangNext("sendMessage");

        Assert.IsType<SendFailedTransiently>(await SendAsync(harness, 42, new TextMessage("你好")));
    }

    [Fact]
    public async Task Send_that_outlasts_the_send_timeout_is_a_transient_failure()
    {
        await using var harness = await TelegramHarness.StartAsync(settings: new() { ["Telegram:SendTimeoutSeconds"] = "1" });
        harness.StandIn.State.HangNext("sendMessage");

        var result = await SendAsync(harness, 42, new TextMessage("你好"));

        Assert.StartsWith("Timed out", Assert.IsType<SendFailedTransiently>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_server_is_a_transient_failure()
    {
        await using var harness = await TelegramHarness.StartAsync();
        await harness.StandIn.DisposeAsync();

        Assert.IsType<SendFailedTransiently>(await SendAsync(harness, 42, new TextMessage("你好")));
    }

    [Fact]
    public async Task Edit_replaces_the_text_and_an_unchanged_edit_still_succeeds()
    {
        await using var harness = await TelegramHarness.StartAsync();
        var first = Assert.IsType<SendSucceeded>(await SendAsync(harness, -100, new TextMessage("赞成 0")));
        var edit = new EditMessage("o-1", "赞成 1");

        var changed = await SendAsync(harness, -100, edit, first.ExternalMessageId);
        var unchanged = await SendAsync(harness, -100, edit, first.ExternalMessageId);

        Assert.Equal(first, changed);
        Assert.Equal(first, unchanged);
        Assert.Equal("赞成 1", harness.StandIn.State.Sent[^1].Text);
        Assert.Equal("editMessageText", harness.StandIn.State.Sent[^1].Method);
    }

    [Fact]
    public async Task Edit_without_a_sent_message_is_rejected()
    {
        await using var harness = await TelegramHarness.StartAsync();

        Assert.IsType<SendRejected>(await SendAsync(harness, 42, new EditMessage("o-9", "x"), editTarget: null));
    }

    [Fact]
    public async Task Documents_and_photos_arrive_with_their_bytes()
    {
        await using var harness = await TelegramHarness.StartAsync();
        byte[] csv = "单位,满意率\n一支部,95%\n"u8.ToArray();
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

        Assert.IsType<SendSucceeded>(await SendAsync(harness, 42, new DocumentMessage("测评结果.csv", csv, "第一轮")));
        Assert.IsType<SendSucceeded>(await SendAsync(harness, 42, new PhotoMessage("chart.png", png)));

        var sent = harness.StandIn.State.Sent;
        Assert.Equal(("sendDocument", "测评结果.csv", "第一轮"), (sent[0].Method, sent[0].FileName, sent[0].Text));
        Assert.Equal(csv, sent[0].File);
        Assert.Equal("sendPhoto", sent[1].Method);
        Assert.Equal(png, sent[1].File);
    }

    [Fact]
    public async Task Callback_answer_carries_the_notice()
    {
        await using var harness = await TelegramHarness.StartAsync();

        var result = await SendAsync(harness, 42, new CallbackAnswer("cb-7", "本轮测评已结束"));

        Assert.IsType<SendSucceeded>(result);
        var answer = Assert.Single(harness.StandIn.State.Sent);
        Assert.Equal(("answerCallbackQuery", "cb-7", "本轮测评已结束"), (answer.Method, answer.CallbackQueryId, answer.Text));
    }

    [Fact]
    public async Task Sender_reports_the_configured_limits_with_headroom()
    {
        await using var harness = await TelegramHarness.StartAsync(settings: new() { ["Telegram:GroupPerMinute"] = "10" });

        var limits = harness.Sender.Limits;

        Assert.Equal(new RateLimit(30, TimeSpan.FromSeconds(1.1)), limits.Global);
        Assert.Equal(new RateLimit(1, TimeSpan.FromSeconds(1.1)), limits.PerPrivateChat);
        Assert.Equal(new RateLimit(10, TimeSpan.FromMinutes(1.1)), limits.PerGroup);
    }
}
