namespace CampaignBot.Telegram.Tests.EndToEnd;

public sealed class HostChannelSelectionTests
{
    [Fact]
    public void A_token_on_the_command_line_turns_Telegram_on_and_the_console_off()
    {
        var selection = ChannelSelection.From(CampaignBotApp.LoadConfiguration(["--Telegram:Token=123:abc"]));

        Assert.True(selection.Telegram);
        Assert.False(selection.Console);
    }

    [Fact]
    public void Webhook_mode_on_the_command_line_asks_for_a_web_server()
    {
        var selection = ChannelSelection.From(CampaignBotApp.LoadConfiguration(["--Telegram:Token=123:abc", "--Telegram:Mode=webhook"]));

        Assert.True(selection.NeedsWebServer);
    }
}
