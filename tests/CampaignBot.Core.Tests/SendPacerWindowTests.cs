using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;

namespace CampaignBot.Core.Tests;

/// <summary>The second, sliding-window limit per private chat (WeCom: 30 a minute and 1000 an hour).</summary>
public sealed class SendPacerWindowTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly ChannelRateLimits WeCom = new(
        RateLimit.None,
        new RateLimit(30, TimeSpan.FromMinutes(1)),
        new RateLimit(20, TimeSpan.FromMinutes(1)))
    {
        PerPrivateChatWindow = new RateLimit(1000, TimeSpan.FromHours(1)),
    };

    private static int _ids;

    private static OutboxMessage Member(string id) => To(new ChatRef("wecom", id, ChatKind.Private));

    private static OutboxMessage To(ChatRef chat) =>
        OutboxMessage.Create($"m{Interlocked.Increment(ref _ids)}", chat, new TextMessage("x"), T0);

    /// <summary>Reserves every slot the pacer hands out for one chat until the clock reaches <paramref name="until"/>.</summary>
    private static List<DateTimeOffset> SendAllUntil(SendPacer pacer, OutboxMessage chat, ChannelRateLimits limits, DateTimeOffset until)
    {
        var slots = new List<DateTimeOffset>();
        var now = T0;
        while (now < until)
        {
            var (reserved, at) = pacer.Reserve(chat, limits, now, TimeSpan.FromSeconds(1));
            if (reserved)
            {
                slots.Add(at);
            }

            // The outbox worker comes back at the time the pacer named.
            now = reserved ? at + TimeSpan.FromTicks(1) : at;
        }

        return slots;
    }

    [Fact]
    public void No_member_gets_more_than_a_thousand_messages_in_any_hour()
    {
        var pacer = new SendPacer();

        var slots = SendAllUntil(pacer, Member("zhangsan"), WeCom, T0 + TimeSpan.FromHours(3));

        for (var i = 1000; i < slots.Count; i++)
        {
            Assert.True(slots[i] - slots[i - 1000] >= TimeSpan.FromHours(1), $"slot {i} is within an hour of slot {i - 1000}");
        }

        Assert.InRange(slots.Count, 2900, 3000);
    }

    [Fact]
    public void Within_the_hourly_allowance_a_member_still_gets_thirty_a_minute()
    {
        var pacer = new SendPacer();

        var slots = SendAllUntil(pacer, Member("zhangsan"), WeCom, T0 + TimeSpan.FromMinutes(10));

        Assert.Equal(300, slots.Count);
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.Equal(TimeSpan.FromSeconds(2), pair.Second - pair.First));
    }

    [Fact]
    public void A_full_window_puts_the_message_back_until_the_oldest_slot_is_an_hour_old()
    {
        var pacer = new SendPacer();
        var small = WeCom with { PerPrivateChat = RateLimit.None };
        small = small with { PerPrivateChatWindow = new RateLimit(3, TimeSpan.FromHours(1)) };
        for (var i = 0; i < 3; i++)
        {
            Assert.True(pacer.Reserve(Member("lisi"), small, T0 + TimeSpan.FromMinutes(i), TimeSpan.FromSeconds(1)).Reserved);
        }

        var refused = pacer.Reserve(Member("lisi"), small, T0 + TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        var other = pacer.Reserve(Member("wangwu"), small, T0 + TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(1));
        var later = pacer.Reserve(Member("lisi"), small, T0 + TimeSpan.FromHours(1), TimeSpan.FromSeconds(1));

        Assert.Equal((false, T0 + TimeSpan.FromHours(1)), refused);
        Assert.True(other.Reserved, "one member's full window holds back only that member");
        Assert.Equal((true, T0 + TimeSpan.FromHours(1)), later);
    }

    [Fact]
    public void The_window_does_not_apply_to_groups()
    {
        var pacer = new SendPacer();
        var limits = new ChannelRateLimits(RateLimit.None, RateLimit.None, RateLimit.None) { PerPrivateChatWindow = new RateLimit(1, TimeSpan.FromHours(1)) };
        var group = To(new ChatRef("wecom", "robot-east", ChatKind.Group));

        var first = pacer.Reserve(group, limits, T0, TimeSpan.FromSeconds(1));
        var second = pacer.Reserve(group, limits, T0, TimeSpan.FromSeconds(1));

        Assert.Equal((true, T0), first);
        Assert.Equal((true, T0), second);
    }

    [Fact]
    public void A_message_that_costs_two_takes_two_places_in_the_spacing_and_in_the_window()
    {
        var pacer = new SendPacer();
        var limits = WeCom with { PerPrivateChatWindow = new RateLimit(3, TimeSpan.FromHours(1)) };

        var card = pacer.Reserve(Member("lisi"), limits, T0, TimeSpan.FromSeconds(10), cost: 2);
        var next = pacer.Reserve(Member("lisi"), limits, T0, TimeSpan.FromSeconds(10));
        var full = pacer.Reserve(Member("lisi"), limits, T0 + TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10));

        Assert.Equal((true, T0), card);
        Assert.Equal((true, T0 + TimeSpan.FromSeconds(4)), next);
        Assert.Equal((false, T0 + TimeSpan.FromHours(1)), full);
    }
}
