using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Sending;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

/// <summary>What WeCom's sender adds around a message (hints, card titles, a pressed card's mark) is in its reader's language.</summary>
public sealed class EnglishReaderTests
{
    private static readonly IReadOnlyList<IReadOnlyList<Button>> YesNo = [[new Button("Yes", "se:q1:yes"), new Button("No", "se:q1:no")]];

    [Fact]
    public async Task An_english_reader_gets_the_numbered_options_hint_in_english()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new TextMessage("Question 1: any formalism?", YesNo) { Reader = Language.English });

        var text = harness.StandIn.Sent.First(m => m["msgtype"]!.GetValue<string>() == "text")["text"]!["content"]!.GetValue<string>();
        Assert.Equal("Question 1: any formalism?\n\n1. Yes\n2. No\n(Reply with a number to choose.)", text);
    }

    [Fact]
    public async Task An_english_reader_gets_the_template_card_subtitle_in_english()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new TextMessage("Question 1: any formalism?", YesNo) { Reader = Language.English });

        var card = harness.StandIn.Sent.Single(m => m["msgtype"]!.GetValue<string>() == "template_card")["template_card"]!;
        Assert.Equal("Press a button, or reply with its number", card["sub_title_text"]!.GetValue<string>());
        Assert.Equal("Question 1: any formalism?", card["main_title"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_edit_read_in_english_also_gets_the_english_hint_and_card()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new EditMessage("out-0", "Step 2: your rank?", YesNo, SendIfGone: true) { Reader = Language.English });

        var messages = harness.StandIn.Sent.ToArray();
        Assert.EndsWith("(Reply with a number to choose.)", messages[0]["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("Press a button, or reply with its number", messages[1]["template_card"]!["sub_title_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_without_a_reader_keeps_the_chinese_hint_and_card()
    {
        await using var harness = await SenderHarness.StartAsync();

        await harness.SendAsync(new TextMessage("第1题", [[new Button("是", "a"), new Button("否", "b")]]));

        var messages = harness.StandIn.Sent.ToArray();
        Assert.EndsWith("（回复序号即可选择）", messages[0]["text"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("点击按钮作答，或回复选项序号", messages[1]["template_card"]!["sub_title_text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_card_pressed_by_an_english_reader_is_marked_in_english()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(new TextMessage("Question 1", YesNo) { Reader = Language.English });
        var responseCode = harness.StandIn.IssuedResponseCodes.Single();

        var result = await harness.SendAsync(new CallbackAnswer(responseCode, null, "Yes") { Reader = Language.English }, id: "answer-1");

        Assert.IsType<SendSucceeded>(result);
        Assert.Equal("✓ Yes", Assert.Single(harness.StandIn.CardUpdates)["button"]!["replace_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "Chosen")]
    [InlineData("OK", "✓ OK")]
    [InlineData("Section-level cadre", "Section-l…")]
    public void The_english_chosen_mark_fits_a_button_of_ten_characters(string? chosen, string expected)
    {
        Assert.Equal(expected, WeComMessages.ChosenText(chosen, Language.English));
        Assert.True(WeComMessages.ChosenText(chosen, Language.English).Length <= WeComMessages.MaxButtonLabelChars);
    }

    [Fact]
    public void A_card_with_no_text_line_is_titled_in_the_readers_language()
    {
        var english = WeComMessages.Card("u", 1, "\n", [new Button("Yes", "p")], "task", Language.English);
        var chinese = WeComMessages.Card("u", 1, "\n", [new Button("是", "p")], "task");

        Assert.Equal("Please choose", english["template_card"]!["main_title"]!["title"]!.GetValue<string>());
        Assert.Equal("请选择", chinese["template_card"]!["main_title"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public void An_outbox_row_stored_before_readers_were_recorded_reads_as_chinese_and_a_new_one_keeps_english()
    {
        var old = MessageJson.Deserialize<Outbound>("""{"type":"text","text":"第1题","buttons":[[{"label":"是","payload":"a"}]]}""");
        var english = MessageJson.Serialize<Outbound>(new TextMessage("Question 1") { Reader = Language.English });
        var chinese = MessageJson.Serialize<Outbound>(new TextMessage("第1题"));

        Assert.Null(old.Reader);
        Assert.Equal(Language.Chinese, old.HintLanguage);
        Assert.Contains("\"reader\":\"English\"", english, StringComparison.Ordinal);
        Assert.Equal(Language.English, MessageJson.Deserialize<Outbound>(english).Reader);
        Assert.DoesNotContain("reader", chinese, StringComparison.Ordinal);
    }
}
