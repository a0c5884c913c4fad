using CampaignBot.Core.Storage;
using CampaignBot.Core.Tests.Flows;

namespace CampaignBot.Core.Tests.Storage;

/// <summary>The numbered, append-only history the examination and ledger stores keep.</summary>
public sealed class HistoryTableTests
{
    private sealed record Entry(string Owner, int Number, string Unit, string What);

    private readonly InMemoryDocumentTable _raw = new();
    private readonly HistoryTable<Entry> _history;

    public HistoryTableTests() => _history = new(_raw, e => e.Owner, e => e.Number, e => e.Unit);

    [Fact]
    public async Task Entries_list_by_number_for_their_owner_only()
    {
        foreach (var number in (int[])[10, 2, 1])
        {
            Assert.True(await _history.TryAppendAsync(new Entry("a", number, "u1", $"a{number}"), CancellationToken.None));
        }

        await _history.TryAppendAsync(new Entry("b", 1, "u1", "b1"), CancellationToken.None);

        Assert.Equal(["a1", "a2", "a10"], (await _history.ListAsync("a", CancellationToken.None)).Select(e => e.What));
    }

    [Fact]
    public async Task A_number_already_taken_is_refused_and_the_first_entry_stays()
    {
        Assert.True(await _history.TryAppendAsync(new Entry("a", 1, "u1", "first"), CancellationToken.None));
        Assert.False(await _history.TryAppendAsync(new Entry("a", 1, "u1", "second"), CancellationToken.None));

        Assert.Equal("first", Assert.Single(await _history.ListAsync("a", CancellationToken.None)).What);
    }

    [Fact]
    public async Task An_entry_numbered_below_one_is_refused()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _history.TryAppendAsync(new Entry("a", 0, "u1", "zero"), CancellationToken.None));

        Assert.Equal(0, _raw.Count);
    }

    [Fact]
    public void Keys_are_zero_padded_so_that_they_sort_in_number_order()
    {
        Assert.Equal("m1#0007", HistoryTable<Entry>.Key("m1", 7));
        Assert.True(string.CompareOrdinal(HistoryTable<Entry>.Key("m1", 9), HistoryTable<Entry>.Key("m1", 10)) < 0);
    }
}
