using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Core.Tests;

public sealed class ReceivedUpdatesTests
{
    private static readonly ChatRef Chat = new("test", "1", ChatKind.Private);

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UnixEpoch);

    private static Inbound Update(int n, string text = "hi") =>
        new($"u{n}", n, Chat, new UserRef("1"), new TextInput(text), DateTimeOffset.UnixEpoch.AddSeconds(n));

    private static InboxItem Stored(Inbound update) => InboxItem.From(update, DateTimeOffset.UnixEpoch);

    /// <summary>What a claim from the store gives back: the same row, its payload a new string.</summary>
    private static InboxItem Claimed(InboxItem item) => item with { Payload = new string(item.Payload.AsSpan()) };

    /// <summary>Updates 1 to <paramref name="count"/> kept in one go, with the items written for them.</summary>
    private static (List<Inbound> Updates, List<InboxItem> Items) KeepMany(ReceivedUpdates received, int count)
    {
        var updates = Enumerable.Range(1, count).Select(n => Update(n)).ToList();
        var items = updates.Select(Stored).ToList();
        received.Keep(items.Select((item, i) => (item, updates[i])));
        return (updates, items);
    }

    [Fact]
    public void A_kept_update_is_handed_back_as_the_object_it_was_for_its_own_payload_once()
    {
        var received = new ReceivedUpdates(_clock);
        var update = Update(1);
        var item = Stored(update);
        received.Keep([(item, update)]);

        Assert.Same(update, received.Read(Claimed(item)));
        var again = received.Read(Claimed(item));
        Assert.NotSame(update, again);
        Assert.Equal(update, again);
    }

    [Fact]
    public void A_claimed_row_whose_payload_differs_from_the_kept_one_even_at_the_same_length_is_read_from_its_own_payload()
    {
        var received = new ReceivedUpdates(_clock);
        var kept = Update(1, "first");
        var item = Stored(kept);
        received.Keep([(item, kept)]);

        var other = Stored(Update(1, "frist"));
        var read = received.Read(other with { Id = item.Id });

        Assert.Equal(new TextInput("frist"), read.Content);
    }

    [Fact]
    public void At_its_capacity_the_newest_updates_are_not_kept_so_the_oldest_the_next_claims_take_still_are()
    {
        var received = new ReceivedUpdates(_clock);
        var (updates, items) = KeepMany(received, ReceivedUpdates.Capacity + 1);

        Assert.Same(updates[0], received.Read(Claimed(items[0])));
        var newest = received.Read(Claimed(items[^1]));
        Assert.NotSame(updates[^1], newest);
        Assert.Equal(updates[^1], newest);
    }

    [Fact]
    public void An_entry_no_claim_took_within_its_age_makes_room_for_new_ones()
    {
        var received = new ReceivedUpdates(_clock);
        var (updates, items) = KeepMany(received, ReceivedUpdates.Capacity);
        var late = Update(ReceivedUpdates.Capacity + 1);
        var lateItem = Stored(late);

        received.Keep([(lateItem, late)]);
        Assert.NotSame(late, received.Read(Claimed(lateItem)));

        _clock.Advance(ReceivedUpdates.MaxAge + TimeSpan.FromSeconds(1));
        received.Keep([(lateItem, late)]);
        Assert.Same(late, received.Read(Claimed(lateItem)));
        Assert.NotSame(updates[0], received.Read(Claimed(items[0])));
    }

    [Fact]
    public void A_forgotten_entry_is_parsed_when_claimed()
    {
        var received = new ReceivedUpdates(_clock);
        var update = Update(5);
        var item = Stored(update);
        received.Keep([(item, update)]);
        received.Forget([item]);

        var read = received.Read(Claimed(item));
        Assert.NotSame(update, read);
        Assert.Equal(update, read);
    }

    [Fact]
    public void An_update_not_kept_is_parsed_from_the_claimed_row()
    {
        var update = Update(3);
        var read = new ReceivedUpdates(_clock).Read(Stored(update));

        Assert.Equal(update, read);
    }
}
