using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Sending;
using CampaignBot.WeCom.Tests.StandIn;

namespace CampaignBot.WeCom.Tests.Sending;

public sealed class ChosenCardTests
{
    private static readonly IReadOnlyList<IReadOnlyList<Button>> Ranks =
        [[new Button("县处级以上领导干部", "reg:ab12:rank0")], [new Button("乡科级干部", "reg:ab12:rank1")]];

    [Fact]
    public async Task A_taken_press_greys_the_card_out_with_the_chosen_label()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.SendAsync(new TextMessage("第 3 步：请选择你的职级。", Ranks));
        var responseCode = harness.StandIn.IssuedResponseCodes.Single();

        var result = await harness.SendAsync(new CallbackAnswer(responseCode, null, "乡科级干部"), id: "answer-1");

        Assert.IsType<SendSucceeded>(result);
        Assert.Equal("已选：乡科级干部", Assert.Single(harness.StandIn.CardUpdates)["button"]!["replace_name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "已选择")]
    [InlineData("确认", "已选：确认")]
    [InlineData("县处级以上领导干部", "县处级以上领导干部")]
    [InlineData("一二三四五六七八九十十一", "一二三四五六七八九…")]
    public void The_chosen_text_fits_a_button_of_ten_characters(string? chosen, string expected)
    {
        Assert.Equal(expected, WeComMessages.ChosenText(chosen));
        Assert.True(WeComMessages.ChosenText(chosen).Length <= WeComMessages.MaxButtonLabelChars);
    }
}
