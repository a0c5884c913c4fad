using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Tests;

public sealed class OutboxHandoffTests
{
    private static readonly DateTimeOffset T0 = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly PipelineOptions Options = new() { InstanceId = "bot-1", Lease = TimeSpan.FromSeconds(60) };

    private readonly PipelineSignals _signals = new();
    private readonly List<OutboxMessage> _received = [];
    private readonly OutboxHandoff _handoff;

    public OutboxHandoffTests() => _handoff = new OutboxHandoff(Microsoft.Extensions.Options.Options.Create(Options), _signals);

    private static OutboxMessage Reply(string id, DateTimeOffset? notBefore = null) =>
        OutboxMessage.Create(id, new ChatRef("telegram", "7", ChatKind.Private), new TextMessage("好"), T0) with { NextAttemptAt = notBefore ?? T0 };

    [Fact]
    public void With_no_worker_attached_nothing_is_leased_or_taken()
    {
        var messages = _handoff.Lease([Reply("a")], T0);

        Assert.Null(Assert.Single(messages).LeaseOwner);
        Assert.False(_handoff.Offer(messages));
    }

    [Fact]
    public void A_due_reply_is_written_leased_to_this_instance_and_handed_over_once_committed()
    {
        _handoff.Attach(_received.AddRange, () => true);

        var messages = _handoff.Lease([Reply("a"), Reply("b")], T0);
        Assert.All(messages, m => Assert.Equal(("bot-1", T0 + TimeSpan.FromSeconds(60)), (m.LeaseOwner, m.LeaseUntil)));
        Assert.Empty(_received);

        Assert.True(_handoff.Offer(messages));
        Assert.Equal(["a", "b"], _received.Select(m => m.Id));
    }

    [Fact]
    public void A_message_for_later_is_left_to_the_store_and_the_worker_is_woken_for_it()
    {
        _handoff.Attach(_received.AddRange, () => true);

        var messages = _handoff.Lease([Reply("now"), Reply("later", T0 + TimeSpan.FromMinutes(5))], T0);
        _handoff.Offer(messages);

        Assert.Null(messages.Single(m => m.Id == "later").LeaseOwner);
        Assert.Equal(["now"], _received.Select(m => m.Id));
        Assert.Equal(1, WokenCount());
    }

    [Fact]
    public void A_worker_with_a_full_queue_takes_nothing_and_claims_from_the_store_instead()
    {
        _handoff.Attach(_received.AddRange, () => false);

        var messages = _handoff.Lease([Reply("a")], T0);
        _handoff.Offer(messages);

        Assert.Null(Assert.Single(messages).LeaseOwner);
        Assert.Empty(_received);
        Assert.Equal(1, WokenCount());
    }

    [Fact]
    public void After_the_worker_stops_nothing_more_is_leased()
    {
        _handoff.Attach(_received.AddRange, () => true);
        _handoff.Detach();

        var messages = _handoff.Lease([Reply("a")], T0);

        Assert.Null(Assert.Single(messages).LeaseOwner);
        Assert.False(_handoff.Offer(messages));
        Assert.Empty(_received);
    }

    private int WokenCount() => _signals.Outbox.IsRaised ? 1 : 0;
}
