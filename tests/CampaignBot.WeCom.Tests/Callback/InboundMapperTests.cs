using CampaignBot.Core.Messaging;
using CampaignBot.WeCom.Callback;

namespace CampaignBot.WeCom.Tests.Callback;

public sealed class InboundMapperTests
{
    private const long Created = 1_700_000_000;

    [Fact]
    public void Text_becomes_text_input_in_the_members_private_chat()
    {
        var inbound = InboundMapper.Map(new WeComCallbackMessage("text", "zhangsan", Created, Content: "已完成学习", MsgId: "7001"))!;

        Assert.Equal(new TextInput("已完成学习"), inbound.Content);
        Assert.Equal(new ChatRef("wecom", "zhangsan", ChatKind.Private), inbound.Chat);
        Assert.Equal("zhangsan", inbound.Sender.Id);
        Assert.Equal("7001", inbound.UpdateId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(Created), inbound.At);
    }

    [Fact]
    public void Text_starting_with_a_slash_becomes_a_command()
    {
        var inbound = InboundMapper.Map(new WeComCallbackMessage("text", "zhangsan", Created, Content: "/Start@bot 邀请码 A1", MsgId: "7002"))!;

        Assert.Equal(new CommandInput("start", "邀请码 A1"), inbound.Content);
    }

    [Fact]
    public void Entering_the_app_becomes_the_start_command()
    {
        var inbound = InboundMapper.Map(new WeComCallbackMessage("event", "lisi", Created, Event: "enter_agent", EventKey: ""))!;

        Assert.Equal(new CommandInput("start", string.Empty), inbound.Content);
        Assert.Equal("lisi:1700000000:enter_agent:", inbound.UpdateId);
    }

    [Fact]
    public void Menu_click_on_a_command_key_becomes_that_command()
    {
        var inbound = InboundMapper.Map(new WeComCallbackMessage("event", "lisi", Created, Event: "click", EventKey: "help"))!;

        Assert.Equal(new CommandInput("help", string.Empty), inbound.Content);
    }

    [Fact]
    public void Menu_click_on_another_key_becomes_a_button_press()
    {
        var inbound = InboundMapper.Map(new WeComCallbackMessage("event", "lisi", Created, Event: "click", EventKey: "study:log"))!;

        Assert.Equal(new ButtonPress("study:log"), inbound.Content);
        Assert.Equal("lisi:1700000000:click:study:log", inbound.UpdateId);
    }

    [Fact]
    public void Card_button_press_carries_response_code_and_task_id()
    {
        var message = new WeComCallbackMessage(
            "event", "wangwu", Created, Event: "template_card_event", EventKey: "se:q1:yes", TaskId: "cb_task", ResponseCode: "rc-9");

        var inbound = InboundMapper.Map(message)!;

        Assert.Equal(new ButtonPress("se:q1:yes", "rc-9", "cb_task"), inbound.Content);
    }

    [Fact]
    public void Redelivered_event_gets_the_same_update_id()
    {
        var message = new WeComCallbackMessage("event", "wangwu", Created, Event: "template_card_event", EventKey: "k", ResponseCode: "rc-1");

        Assert.Equal(InboundMapper.Map(message)!.UpdateId, InboundMapper.Map(message with { ResponseCode = "rc-2" })!.UpdateId);
    }

    [Theory]
    [InlineData("image", null)]
    [InlineData("event", "subscribe")]
    [InlineData("event", "template_card_menu_event")]
    public void Kinds_the_bot_does_not_handle_map_to_nothing(string type, string? @event)
    {
        Assert.Null(InboundMapper.Map(new WeComCallbackMessage(type, "u", Created, Event: @event)));
    }
}
