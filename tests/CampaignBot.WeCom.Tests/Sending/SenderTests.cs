using System.Text;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Sending;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

public sealed class SenderTests
{
    private static readonly IReadOnlyList<IReadOnlyList<Button>> YesNo = [[new Button("是", "se:q1:yes"), new Button("否", "se:q1:no")]];

    [Fact]
    public async Task Text_goes_to_the_member_through_the_app()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new TextMessage("欢迎参加群众路线教育实践活动"));

        var sent = Assert.Single(harness.StandIn.Sent);
        Assert.Equal(("zhangsan", "text", SenderHarness.AgentId), (sent["touser"]!.GetValue<string>(), sent["msgtype"]!.GetValue<string>(), sent["agentid"]!.GetValue<int>()));
        Assert.Equal("欢迎参加群众路线教育实践活动", sent["text"]!["content"]!.GetValue<string>());
        Assert.StartsWith("msg-", Assert.IsType<SendSucceeded>(result).ExternalMessageId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Buttons_go_as_numbered_text_and_as_a_card()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new TextMessage("第1题：是否存在形式主义问题？", YesNo));

        Assert.IsType<SendSucceeded>(result);
        var messages = harness.StandIn.Sent.ToArray();
        Assert.Equal(2, messages.Length);
        Assert.Equal("第1题：是否存在形式主义问题？\n\n1. 是\n2. 否\n（回复序号即可选择）", messages[0]["text"]!["content"]!.GetValue<string>());
        var card = messages[1]["template_card"]!;
        Assert.Equal("button_interaction", card["card_type"]!.GetValue<string>());
        Assert.Equal(["se:q1:yes", "se:q1:no"], card["button_list"]!.AsArray().Select(b => b!["key"]!.GetValue<string>()));
        Assert.Equal(WeComMessages.TaskIdFor("out-1"), card["task_id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_card_gets_its_own_task_id()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new TextMessage("第1题", YesNo), id: "out-1");
        await harness.SendAsync(new TextMessage("第2题", YesNo), id: "out-2");

        Assert.Equal(2, harness.StandIn.Sent.Count(m => m["msgtype"]!.GetValue<string>() == "template_card"));
    }

    [Fact]
    public async Task More_than_six_buttons_go_as_numbered_text_only()
    {
        await using var harness = await SenderHarness.StartAsync();
        var seven = Enumerable.Range(1, 7).Select(i => new Button($"选项{i}", $"p{i}")).ToArray();

        var result = await harness.SendAsync(new TextMessage("请选择学习专题", [seven]));

        Assert.IsType<SendSucceeded>(result);
        var sent = Assert.Single(harness.StandIn.Sent);
        Assert.Contains("7. 选项7", sent["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failed_card_still_counts_as_sent_because_the_numbered_text_went()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(new TextMessage("第1题", YesNo), id: "same");

        var again = await harness.SendAsync(new TextMessage("第1题", YesNo), id: "same");

        Assert.IsType<SendSucceeded>(again);
        Assert.Equal(3, harness.StandIn.Sent.Count);
    }

    [Fact]
    public async Task Long_text_is_split_into_pieces_of_at_most_2048_bytes()
    {
        await using var harness = await SenderHarness.StartAsync();
        var text = string.Concat(Enumerable.Repeat("整改落实建章立制", 200));

        var result = await harness.SendAsync(new TextMessage(text));

        Assert.IsType<SendSucceeded>(result);
        var pieces = harness.StandIn.Sent.Select(m => m["text"]!["content"]!.GetValue<string>()).ToArray();
        Assert.True(pieces.Length > 1);
        Assert.All(pieces, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2048));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Fact]
    public async Task Errcode_45009_is_reported_as_throttled()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(45009);

        var result = await harness.SendAsync(new TextMessage("x"));

        Assert.Equal(WeComSender.ThrottleDelay, Assert.IsType<SendThrottled>(result).RetryAfter);
        Assert.Empty(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Unknown_member_is_reported_unreachable()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.UnknownUsers["left-the-corp"] = true;

        var result = await harness.SendAsync(new TextMessage("x"), chatId: "left-the-corp");

        Assert.IsType<SendChatUnreachable>(result);
    }

    [Fact]
    public async Task Other_errors_are_rejections_and_system_busy_is_transient()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(40008);
        harness.StandIn.InjectError(-1);

        var rejected = await harness.SendAsync(new TextMessage("x"));
        var busy = await harness.SendAsync(new TextMessage("x"));

        Assert.Contains("40008", Assert.IsType<SendRejected>(rejected).Reason, StringComparison.Ordinal);
        Assert.IsType<SendFailedTransiently>(busy);
    }

    [Fact]
    public async Task Callback_answer_updates_the_pressed_card_with_its_response_code()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(new TextMessage("第1题", YesNo));
        var responseCode = harness.StandIn.IssuedResponseCodes.Single();

        var result = await harness.SendAsync(new CallbackAnswer(responseCode), id: "answer-1");

        Assert.IsType<SendSucceeded>(result);
        var update = Assert.Single(harness.StandIn.CardUpdates);
        Assert.Equal(responseCode, update["response_code"]!.GetValue<string>());
        Assert.Equal("已选择", update["button"]!["replace_name"]!.GetValue<string>());
        Assert.Equal("zhangsan", update["userids"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task Callback_answer_without_a_response_code_sends_nothing()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new CallbackAnswer(string.Empty));

        Assert.IsType<SendSucceeded>(result);
        Assert.Empty(harness.StandIn.CardUpdates);
        Assert.Empty(harness.StandIn.Sent);
    }

    [Fact]
    public async Task Used_response_code_is_rejected()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new CallbackAnswer("rc-never-issued"));

        Assert.IsType<SendRejected>(result);
    }
}
