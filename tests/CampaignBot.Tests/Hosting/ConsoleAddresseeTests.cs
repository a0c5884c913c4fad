using CampaignBot.ConsoleChannel;
using Microsoft.Extensions.Options;

namespace CampaignBot.Tests.Hosting;

/// <summary>A console has one user, but prints every console message of the outbox: others' are labelled with their addressee.</summary>
public sealed class ConsoleAddresseeTests
{
    [Theory]
    [InlineData("10001", "机器人> 你好")]
    [InlineData("10002", "机器人> [发给 10002] 你好")]
    public async Task A_message_to_another_users_private_chat_names_its_addressee(string addressee, string printed)
    {
        var output = new StringWriter();
        var sender = new ConsoleSender(new ConsoleTranscript(output), Options.Create(new ConsoleOptions { User = "10001" }));

        await sender.SendAsync(Message(new ChatRef("console", addressee, ChatKind.Private)), new TextMessage("你好"), null, CancellationToken.None);

        Assert.Equal(printed, output.ToString().TrimEnd());
    }

    [Fact]
    public async Task A_message_to_a_group_names_the_group_and_not_a_user()
    {
        var output = new StringWriter();
        var sender = new ConsoleSender(new ConsoleTranscript(output), Options.Create(new ConsoleOptions { User = "10001" }));

        await sender.SendAsync(Message(new ChatRef("console", "g1", ChatKind.Group, "东县群")), new TextMessage("开始评议"), null, CancellationToken.None);

        Assert.Equal("机器人> [群 东县群] 开始评议", output.ToString().TrimEnd());
    }

    private static OutboxMessage Message(ChatRef chat) => new()
    {
        Id = "m1",
        Chat = chat,
        Body = "{}",
        CreatedAt = DateTimeOffset.UnixEpoch,
        NextAttemptAt = DateTimeOffset.UnixEpoch,
    };
}
