using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Messaging;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task A_ballot_cast_with_its_press_stores_the_ballot_and_cuts_the_choice_from_the_press()
    {
        var stores = await OpenFreshAsync();
        var press = InboxItem("u-vote", T0, text: "ev:r1:unsatisfied");
        await stores.Inbox.AddAsync(press, Ct);
        var cut = MessageJson.Serialize(Text("u-vote", "ev:r1:-"));

        var outcome = await stores.Ballots.CastAsync(new Ballot("r1", VoterHash("r1", "telegram:2002"), "unsatisfied", T0), false, new InboxRedaction(press.Id, cut), Ct);

        Assert.Equal(CastOutcome.Recorded, outcome);
        Assert.Equal(1, (await stores.Ballots.TallyAsync("r1", Ct)).Count("unsatisfied"));
        var stored = await stores.Inbox.GetAsync(press.Id, Ct);
        Assert.DoesNotContain("unsatisfied", stored!.Payload, StringComparison.Ordinal);
        Assert.Equal(Text("u-vote", "ev:r1:-"), stored.ReadUpdate());
    }

    [Fact]
    public async Task A_refused_second_ballot_still_cuts_the_choice_from_its_press_and_changes_no_count()
    {
        var stores = await OpenFreshAsync();
        var voter = VoterHash("r1", "telegram:2002");
        Assert.Equal(CastOutcome.Recorded, await stores.Ballots.CastAsync(new Ballot("r1", voter, "satisfied", T0), false, Ct));
        var press = InboxItem("u-again", T0, text: "ev:r1:unsatisfied");
        await stores.Inbox.AddAsync(press, Ct);
        var cut = new InboxRedaction(press.Id, MessageJson.Serialize(Text("u-again", "ev:r1:-")));

        var refused = await stores.Ballots.CastAsync(new Ballot("r1", voter, "unsatisfied", T0), false, cut, Ct);
        var repeated = await stores.Ballots.CastAsync(new Ballot("r1", voter, "satisfied", T0), false, cut, Ct);

        Assert.Equal(CastOutcome.AlreadyVoted, refused);
        Assert.Equal(CastOutcome.Unchanged, repeated);
        var tally = await stores.Ballots.TallyAsync("r1", Ct);
        Assert.Equal(1, tally.Total);
        Assert.Equal(1, tally.Count("satisfied"));
        Assert.DoesNotContain("unsatisfied", (await stores.Inbox.GetAsync(press.Id, Ct))!.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Concurrent_ballots_cast_with_their_presses_store_one_per_voter()
    {
        var stores = await OpenFreshAsync();
        var presses = Enumerable.Range(0, 20).Select(i => InboxItem($"u-{i}", T0, sequence: i, text: "ev:r1:satisfied")).ToList();
        await stores.Inbox.AddManyAsync(presses, Ct);

        // 20 presses from 10 voters (each pressing twice), all at once.
        var outcomes = await InParallelAsync(20, i => stores.Ballots.CastAsync(
            new Ballot("r1", VoterHash("r1", $"telegram:{i % 10}"), "satisfied", T0), false,
            new InboxRedaction(presses[i].Id, MessageJson.Serialize(Text($"u-{i}", "ev:r1:-"))), Ct));

        Assert.Equal(10, outcomes.Count(o => o == CastOutcome.Recorded));
        Assert.Equal(10, outcomes.Count(o => o == CastOutcome.Unchanged));
        Assert.Equal(10, (await stores.Ballots.ListAsync("r1", Ct)).Count);
        foreach (var press in presses)
        {
            Assert.Contains("ev:r1:-", (await stores.Inbox.GetAsync(press.Id, Ct))!.Payload, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_stored_ballot_carries_no_id_that_dates_it()
    {
        var name = NewDatabaseName();
        var stores = await OpenAsync(name);
        await stores.Ballots.CastAsync(new Ballot("r1", VoterHash("r1", "telegram:2002"), "unsatisfied", T0), false, Ct);

        // A MongoDB ObjectId made by the driver holds the second it was made: the time of the press, to the second.
        var raw = Assert.Single(await RawRecordsAsync(name, "ballots"));
        Assert.DoesNotContain("$oid", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("ObjectId", raw, StringComparison.Ordinal);
    }
}
