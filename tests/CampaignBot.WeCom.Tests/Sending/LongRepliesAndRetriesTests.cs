using System.Text;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Sending;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

/// <summary>Replies longer than one WeCom message, and what a retry after 45009 or an untrusted address does with them.</summary>
public sealed class LongRepliesAndRetriesTests
{
    /// <summary>Forty numbered lines of about 90 bytes each: three WeCom messages.</summary>
    private static readonly string Report = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"{i:00}. 城关镇第{i}党支部：学习已完成，对照检查材料已提交，承诺已公示。"));

    private static string[] Texts(SenderHarness harness) =>
        [.. harness.StandIn.Sent.Where(m => m["msgtype"]!.GetValue<string>() == "text").Select(m => m["text"]!["content"]!.GetValue<string>())];

    [Fact]
    public async Task A_long_reply_is_split_at_line_breaks_and_never_inside_a_line_or_a_character()
    {
        await using var harness = await SenderHarness.StartAsync();

        var result = await harness.SendAsync(new TextMessage(Report));

        Assert.IsType<SendSucceeded>(result);
        var pieces = Texts(harness);
        Assert.True(pieces.Length > 1, "the report should take more than one message");
        Assert.All(pieces, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeComMessages.MaxTextBytes));
        Assert.All(pieces[..^1], p => Assert.EndsWith("\n", p, StringComparison.Ordinal));
        Assert.Equal(Report, string.Concat(pieces));
    }

    [Fact]
    public void A_line_longer_than_a_message_is_cut_at_a_whole_character()
    {
        var line = string.Concat(Enumerable.Repeat("改👍", 500));

        var pieces = WeComMessages.Chunks(line);

        Assert.All(pieces, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= WeComMessages.MaxTextBytes));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1]) || char.IsLowSurrogate(p[0]), "a piece cuts an emoji in half"));
        Assert.Equal(line, string.Concat(pieces));
    }

    [Fact]
    public async Task A_piece_throttled_mid_reply_is_sent_later_and_no_piece_reaches_the_member_twice()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(0);
        harness.StandIn.InjectError(45009);

        var first = await harness.SendAsync(new TextMessage(Report), id: "report-1");
        var retry = await harness.SendAsync(new TextMessage(Report), id: "report-1");

        Assert.IsType<SendThrottled>(first);
        Assert.IsType<SendSucceeded>(retry);
        var pieces = Texts(harness);
        Assert.Equal(WeComMessages.Chunks(Report).Count, pieces.Length);
        Assert.Equal(Report, string.Concat(pieces));
    }

    [Fact]
    public async Task A_group_robot_piece_throttled_mid_reply_is_sent_later_and_no_piece_reaches_the_group_twice()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(0);
        harness.StandIn.InjectError(45009);

        var first = await harness.SendAsync(new TextMessage(Report), chatId: "unit-1", kind: ChatKind.Group, id: "group-report");
        var retry = await harness.SendAsync(new TextMessage(Report), chatId: "unit-1", kind: ChatKind.Group, id: "group-report");

        Assert.IsType<SendThrottled>(first);
        Assert.IsType<SendSucceeded>(retry);
        var pieces = harness.StandIn.RobotMessages.Select(m => m["text"]!["content"]!.GetValue<string>()).ToArray();
        Assert.Equal(Report, string.Concat(pieces));
    }

    [Fact]
    public async Task A_pressed_card_whose_long_notice_was_throttled_is_greyed_out_once_and_the_notice_still_arrives()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(new TextMessage("第1题", [[new Button("是", "se:q1:yes"), new Button("否", "se:q1:no")]]));
        var responseCode = harness.StandIn.IssuedResponseCodes.Single();
        var textsBefore = Texts(harness).Length;
        const string notice = "已记录你的回答：是。请继续回答第2题，全部答完后提交对照检查材料。";
        harness.StandIn.InjectError(0);
        harness.StandIn.InjectError(45009);

        var first = await harness.SendAsync(new CallbackAnswer(responseCode, notice), id: "answer-1");
        var retry = await harness.SendAsync(new CallbackAnswer(responseCode, notice), id: "answer-1");

        Assert.IsType<SendThrottled>(first);
        Assert.IsType<SendSucceeded>(retry);
        Assert.Single(harness.StandIn.CardUpdates);
        Assert.Equal(notice, Assert.Single(Texts(harness).Skip(textsBefore)));
    }

    [Fact]
    public async Task Errcode_60020_an_untrusted_server_address_keeps_the_message_for_later_instead_of_dropping_it()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(60020);

        var result = await harness.SendAsync(new TextMessage("x"));

        Assert.Contains("60020", Assert.IsType<SendFailedTransiently>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errcode_45033_too_many_calls_at_once_is_retried_soon_instead_of_dropping_the_message()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StandIn.InjectError(45033);

        var result = await harness.SendAsync(new TextMessage("x"));

        Assert.Contains("45033", Assert.IsType<SendFailedTransiently>(result).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_label_or_title_is_shortened_without_cutting_an_emoji_in_half()
    {
        var card = WeComMessages.Card("zhangsan", SenderHarness.AgentId, "一二三四五六七八九十一二三四五六七八九十一二三四👍整改", [new Button("一二三四五六七八👍好", "p1")], "task");

        Assert.Equal("一二三四五六七八…", card["template_card"]!["button_list"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("一二三四五六七八九十一二三四五六七八九十一二三四…", card["template_card"]!["main_title"]!["title"]!.GetValue<string>());
    }
}
