using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests;

public sealed class CommandButtonTests
{
    [Fact]
    public void A_command_button_reads_back_as_the_command_without_arguments()
    {
        var button = CommandButton.For("examine", new Text("填写自查", "Self-exam"), Language.English);

        Assert.Equal(("Self-exam", "cmd:examine"), (button.Label, button.Payload));
        Assert.Equal(new CommandInput("examine", string.Empty), CommandButton.Read(button.Payload));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("cmd:")]
    [InlineData("cmd:Examine")]
    [InlineData("cmd:ledger done L1")]
    [InlineData("cmd:examine:1")]
    [InlineData("cmd:abcdefghijklmnopqrstuvwxyzabcdefg")]
    [InlineData("study:ab12:new")]
    [InlineData("command:examine")]
    public void Anything_else_is_not_a_command_button(string? payload) => Assert.Null(CommandButton.Read(payload));
}
