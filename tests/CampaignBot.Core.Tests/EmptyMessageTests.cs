using CampaignBot.Core.Conversations;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests;

/// <summary>No outbound message may be empty: a channel drops it (Telegram: 400 message text is empty) and the user is stuck.</summary>
public sealed class EmptyMessageTests
{
    private static FlowContext Context() => new(
        new Inbound("u1", 1, new ChatRef("test", "1", ChatKind.Private), new UserRef("1"), new TextInput("hi"), DateTimeOffset.UnixEpoch),
        new Session { Key = "test:1:1" },
        null,
        TestCampaign.Create(),
        DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    public void A_reply_or_notification_with_an_empty_text_is_refused(string text)
    {
        var context = Context();
        var chat = new ChatRef("test", "2", ChatKind.Private);

        Assert.Throws<InvalidOperationException>(() => context.Reply(new TextMessage(text)));
        Assert.Throws<InvalidOperationException>(() => context.Reply(new Text(text, text)));
        Assert.Throws<InvalidOperationException>(() => context.Reply(text, text, [[new Button("通过", "rev:t:accept")]]));
        Assert.Throws<InvalidOperationException>(() => context.Notify(chat, new TextMessage(text)));
        Assert.Throws<InvalidOperationException>(() => context.Reply(new EditMessage("m1", text)));
        Assert.Empty(context.Replies);
        Assert.Empty(context.Notifications);
    }

    [Fact]
    public void The_outbox_refuses_an_empty_text_whoever_makes_it()
    {
        Assert.Throws<InvalidOperationException>(() => OutboxMessage.Create("m1", new ChatRef("test", "1", ChatKind.Private), new TextMessage(string.Empty), DateTimeOffset.UnixEpoch));
        Assert.NotNull(OutboxMessage.Create("m2", new ChatRef("test", "1", ChatKind.Private), new TextMessage("好"), DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void A_message_with_text_or_a_document_is_taken()
    {
        var context = Context();

        context.Reply(new TextMessage("好"));
        context.Reply(new DocumentMessage("a.csv", [1]));

        Assert.Equal(2, context.Replies.Count);
    }
}
