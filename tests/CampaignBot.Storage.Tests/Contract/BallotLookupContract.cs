using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Whether_a_voter_hash_has_voted_is_known_per_round_without_the_choice()
    {
        var stores = await OpenFreshAsync();
        var voter = VoterHash("r1", "telegram:1");
        await stores.Ballots.CastAsync(new Ballot("r1", voter, "satisfied", T0), allowChange: false, Ct);

        Assert.True(await stores.Ballots.HasVotedAsync("r1", voter, Ct));
        Assert.False(await stores.Ballots.HasVotedAsync("r2", voter, Ct));
        Assert.False(await stores.Ballots.HasVotedAsync("r1", VoterHash("r1", "telegram:2"), Ct));
    }
}
