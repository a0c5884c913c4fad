using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests;

public sealed class SendPacerTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ChannelRateLimits Telegram = new(
        new RateLimit(30, TimeSpan.FromSeconds(1)),
        new RateLimit(1, TimeSpan.FromSeconds(1)),
        new RateLimit(20, TimeSpan.FromMinutes(1)));

    private static ChatRef Private(string id) => new("telegram", id, ChatKind.Private);

    private static OutboxMessage To(ChatRef chat, string id = "m", int createdSeconds = 0) =>
        OutboxMessage.Create(id, chat, new TextMessage("提醒"), T0 + TimeSpan.FromSeconds(createdSeconds));

    [Fact]
    public void A_private_chat_gets_one_slot_a_second()
    {
        var pacer = new SendPacer();

        var first = pacer.Reserve(To(Private("1")), Telegram, T0, TimeSpan.FromSeconds(5));
        var second = pacer.Reserve(To(Private("1")), Telegram, T0, TimeSpan.FromSeconds(5));

        Assert.Equal((true, T0), first);
        Assert.Equal((true, T0 + TimeSpan.FromSeconds(1)), second);
    }

    [Fact]
    public void Thirty_chats_share_one_second_and_the_thirty_first_waits()
    {
        var pacer = new SendPacer();

        var slots = Enumerable.Range(0, 31).Select(i => pacer.Reserve(To(Private(i.ToString(System.Globalization.CultureInfo.InvariantCulture))), Telegram, T0, TimeSpan.FromSeconds(5)).At).ToList();

        Assert.True(slots[29] < T0 + TimeSpan.FromSeconds(1));
        Assert.True(slots[30] >= T0 + TimeSpan.FromSeconds(1), "no 31 messages within one second");
    }

    [Fact]
    public void A_group_gets_a_slot_every_three_seconds()
    {
        var pacer = new SendPacer();
        var group = new ChatRef("telegram", "-100", ChatKind.Group);

        pacer.Reserve(To(group), Telegram, T0, TimeSpan.FromSeconds(5));
        var second = pacer.Reserve(To(group), Telegram, T0, TimeSpan.FromSeconds(5));

        Assert.Equal(T0 + TimeSpan.FromSeconds(3), second.At);
    }

    [Fact]
    public void A_slot_beyond_the_horizon_is_not_reserved_and_says_when_to_come_back()
    {
        var pacer = new SendPacer();
        pacer.Deferred(To(Private("1"), "first"), T0 + TimeSpan.FromSeconds(20));

        var refused = pacer.Reserve(To(Private("1"), "second", 1), Telegram, T0, TimeSpan.FromSeconds(1));
        var other = pacer.Reserve(To(Private("2")), Telegram, T0, TimeSpan.FromSeconds(1));

        Assert.Equal((false, T0 + TimeSpan.FromSeconds(20)), refused);
        Assert.True(other.Reserved, "a throttled chat holds back only itself");
    }

    [Fact]
    public void A_later_message_never_overtakes_a_put_back_one_even_after_its_time_until_it_is_settled()
    {
        var pacer = new SendPacer();
        var first = To(Private("1"), "first");
        var second = To(Private("1"), "second", 1);
        pacer.Deferred(first, T0 + TimeSpan.FromSeconds(2));

        var afterItsTime = pacer.Reserve(second, Telegram, T0 + TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        var firstItself = pacer.Reserve(first, Telegram, T0 + TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));
        pacer.Settled(first, Telegram, T0 + TimeSpan.FromSeconds(3));
        var secondAfterwards = pacer.Reserve(second, Telegram, T0 + TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(1));

        Assert.False(afterItsTime.Reserved);
        Assert.True(firstItself.Reserved);
        Assert.True(secondAfterwards.Reserved);
    }

    [Fact]
    public void The_next_slot_is_spaced_from_when_a_send_actually_left()
    {
        var pacer = new SendPacer();
        var first = To(Private("1"), "first");
        pacer.Reserve(first, Telegram, T0, TimeSpan.FromSeconds(1));
        pacer.Settled(first, Telegram, T0 + TimeSpan.FromMilliseconds(700));

        var next = pacer.Reserve(To(Private("1"), "second", 1), Telegram, T0 + TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.Equal(T0 + TimeSpan.FromMilliseconds(1700), next.At);
    }

    [Fact]
    public void Backoff_doubles_and_stops_at_five_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), OutboxWorker.Backoff(0));
        Assert.Equal(TimeSpan.FromSeconds(8), OutboxWorker.Backoff(3));
        Assert.Equal(TimeSpan.FromMinutes(5), OutboxWorker.Backoff(30));
    }
}
