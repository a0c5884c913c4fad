using System.Security.Cryptography;
using System.Text;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Concurrent_ballots_of_one_voter_store_exactly_one()
    {
        var stores = await OpenFreshAsync();
        var voter = VoterHash("r1", "telegram:42");

        var outcomes = await InParallelAsync(16, i => stores.Ballots.CastAsync(new Ballot("r1", voter, "satisfied", T0), allowChange: false, Ct));

        Assert.Single(outcomes, o => o == CastOutcome.Recorded);
        Assert.All(outcomes.Where(o => o != CastOutcome.Recorded), o => Assert.Equal(CastOutcome.Unchanged, o));
        Assert.Single(await stores.Ballots.ListAsync("r1", Ct));
    }

    [Fact]
    public async Task Two_instances_on_one_database_store_one_ballot_per_voter()
    {
        var name = NewDatabaseName();
        var first = await OpenAsync(name);
        var second = await OpenAsync(name);

        // 30 voters, each pressing on both instances at once.
        var outcomes = await InParallelAsync(60, i => (i % 2 == 0 ? first : second).Ballots.CastAsync(
            new Ballot("r1", VoterHash("r1", $"telegram:{i / 2}"), "satisfied", T0), allowChange: false, Ct));

        Assert.Equal(30, outcomes.Count(o => o == CastOutcome.Recorded));
        Assert.Equal(30, (await second.Ballots.TallyAsync("r1", Ct)).Total);
    }

    [Fact]
    public async Task Concurrent_ballots_of_many_voters_are_all_counted_once()
    {
        var stores = await OpenFreshAsync();

        // Each of 40 voters presses twice at once, once with a different choice.
        await InParallelAsync(80, i => stores.Ballots.CastAsync(
            new Ballot("r1", VoterHash("r1", $"telegram:{i % 40}"), i < 40 ? "satisfied" : "unsatisfied", T0), allowChange: false, Ct));

        var tally = await stores.Ballots.TallyAsync("r1", Ct);
        Assert.Equal(40, tally.Total);
        Assert.Equal(40, (await stores.Ballots.ListAsync("r1", Ct)).Count);
    }

    [Fact]
    public async Task Second_vote_with_another_choice_is_refused_unless_the_round_allows_changes()
    {
        var stores = await OpenFreshAsync();
        var voter = VoterHash("r1", "telegram:7");
        await stores.Ballots.CastAsync(new Ballot("r1", voter, "satisfied", T0), false, Ct);

        Assert.Equal(CastOutcome.AlreadyVoted, await stores.Ballots.CastAsync(new Ballot("r1", voter, "unsatisfied", T0), false, Ct));
        Assert.Equal(1, (await stores.Ballots.TallyAsync("r1", Ct)).Count("satisfied"));

        Assert.Equal(CastOutcome.Changed, await stores.Ballots.CastAsync(new Ballot("r1", voter, "unsatisfied", T0), true, Ct));
        var tally = await stores.Ballots.TallyAsync("r1", Ct);
        Assert.Equal(0, tally.Count("satisfied"));
        Assert.Equal(1, tally.Count("unsatisfied"));
    }

    [Fact]
    public async Task Tally_equals_the_ballots_and_rounds_do_not_mix()
    {
        var stores = await OpenFreshAsync();
        string[] choices = ["satisfied", "basically_satisfied", "unsatisfied"];
        for (var i = 0; i < 23; i++)
        {
            await stores.Ballots.CastAsync(new Ballot("r1", VoterHash("r1", $"u{i}"), choices[i % 3], T0), false, Ct);
        }

        await stores.Ballots.CastAsync(new Ballot("r2", VoterHash("r2", "u0"), "unsatisfied", T0), false, Ct);

        var tally = await stores.Ballots.TallyAsync("r1", Ct);
        var ballots = await stores.Ballots.ListAsync("r1", Ct);
        Assert.Equal(ballots.GroupBy(b => b.Choice).ToDictionary(g => g.Key, g => (long)g.Count()), tally.Counts);
        Assert.Equal([8L, 8L, 7L], choices.Select(tally.Count));
        Assert.Equal(1, (await stores.Ballots.TallyAsync("r2", Ct)).Total);
    }

    [Fact]
    public async Task No_stored_ballot_holds_a_user_id()
    {
        var stores = await OpenFreshAsync();
        string[] users = ["telegram:100200300", "wecom:zhangsan", "console:lisi"];
        foreach (var user in users)
        {
            await stores.Ballots.CastAsync(new Ballot("r1", VoterHash("r1", user), "satisfied", T0), false, Ct);
        }

        var stored = string.Join('\n', (await stores.Ballots.ListAsync("r1", Ct)).Select(b => b.ToString()));
        Assert.All(users, user => Assert.DoesNotContain(user.Split(':')[1], stored, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_ballot_whose_voter_is_not_a_hash_is_refused_with_a_clear_error()
    {
        var stores = await OpenFreshAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => stores.Ballots.CastAsync(new Ballot("r1", "telegram:42", "satisfied", T0), false, Ct));

        Assert.Contains("voter hash", error.Message, StringComparison.Ordinal);
        Assert.Empty(await stores.Ballots.ListAsync("r1", Ct));
    }

    [Fact]
    public async Task Round_round_trips_and_closes_once()
    {
        var stores = await OpenFreshAsync();
        var round = Round("0a1b2c3d", "county_east");
        Assert.Equal(RoundCreation.Created, await stores.EvaluationRounds.CreateAsync(round, Ct));
        Assert.Equal(RoundCreation.Taken, await stores.EvaluationRounds.CreateAsync(round, Ct));
        Assert.Equal(round.Group, (await stores.EvaluationRounds.GetAsync(round.Id, Ct))!.Group);

        var result = new RoundResult(new Dictionary<string, long> { ["satisfied"] = 3 }, 3, 3, false, T0.AddHours(2));
        var closes = await InParallelAsync(6, _ => stores.EvaluationRounds.TryCloseAsync(round.Id, result, Ct));

        Assert.Single(closes, c => c);
        var closed = await stores.EvaluationRounds.GetAsync(round.Id, Ct);
        Assert.Equal(RoundStatus.Closed, closed!.Status);
        Assert.Equal(3, closed.Result!.Votes);
        Assert.Equal(3, closed.Result.Counts["satisfied"]);
    }

    [Fact]
    public async Task Counting_and_closing_counts_every_ballot_cast_before_it_and_closes_once()
    {
        var stores = await OpenFreshAsync();
        var round = Round("1a2b3c4d", "county_east");
        await stores.EvaluationRounds.CreateAsync(round, Ct);
        for (var i = 0; i < 3; i++)
        {
            await stores.Ballots.CastAsync(new Ballot(round.Id, VoterHash(round.Id, $"telegram:{i}"), i < 2 ? "satisfied" : "unsatisfied", T0), false, Ct);
        }

        var closes = await InParallelAsync(4, _ => stores.EvaluationRounds.TryCountAndCloseAsync(round.Id, stores.Ballots, CountedResult, Ct));

        Assert.Single(closes, c => c);
        var closed = await stores.EvaluationRounds.GetAsync(round.Id, Ct);
        Assert.Equal(RoundStatus.Closed, closed!.Status);
        Assert.Equal(3, closed.Result!.Votes);
        Assert.Equal(2, closed.Result.Counts["satisfied"]);
    }

    [Fact]
    public async Task Rounds_are_listed_per_unit_in_opening_order_and_found_by_code()
    {
        var stores = await OpenFreshAsync();
        await stores.EvaluationRounds.CreateAsync(Round("00000002", "a") with { OpensAt = T0.AddDays(1), Stage = "problems_found" }, Ct);
        await stores.EvaluationRounds.CreateAsync(Round("00000001", "a"), Ct);
        await stores.EvaluationRounds.CreateAsync(Round("00000003", "b") with { Audience = RoundAudience.Code, Group = null, Code = "K7P2Q9" }, Ct);

        Assert.Equal(["00000001", "00000002"], (await stores.EvaluationRounds.ListAsync("a", Ct)).Select(r => r.Id));
        Assert.Equal(3, (await stores.EvaluationRounds.ListAsync(null, Ct)).Count);
        Assert.Equal("00000003", (await stores.EvaluationRounds.FindByCodeAsync("k7p2q9", Ct))!.Id);
        Assert.Equal(RoundCreation.Taken, await stores.EvaluationRounds.CreateAsync(Round("00000004", "c") with { Code = "K7P2Q9" }, Ct));
    }

    [Fact]
    public async Task A_second_open_round_of_a_units_stage_is_refused_and_not_stored()
    {
        var stores = await OpenFreshAsync();
        var first = Round("0c000001", "county_east");
        Assert.Equal(RoundCreation.Created, await stores.EvaluationRounds.CreateAsync(first, Ct));

        var second = await stores.EvaluationRounds.CreateAsync(Round("0c000002", "county_east") with { OpensAt = T0.AddMinutes(1) }, Ct);
        var again = await stores.EvaluationRounds.CreateAsync(first, Ct);

        Assert.Equal(RoundCreation.StageOpen, second);
        Assert.Equal(RoundCreation.Taken, again);
        Assert.Null(await stores.EvaluationRounds.GetAsync("0c000002", Ct));
        Assert.Equal(["0c000001"], (await stores.EvaluationRounds.ListAsync("county_east", Ct)).Select(r => r.Id));
    }

    [Fact]
    public async Task Concurrent_openings_of_one_stage_store_exactly_one_round()
    {
        var stores = await OpenFreshAsync();

        var outcomes = await InParallelAsync(12, i => stores.EvaluationRounds.CreateAsync(Round($"0d{i:x6}", "county_east"), Ct));

        Assert.Single(outcomes, o => o == RoundCreation.Created);
        Assert.All(outcomes.Where(o => o != RoundCreation.Created), o => Assert.Equal(RoundCreation.StageOpen, o));
        Assert.Single(await stores.EvaluationRounds.ListAsync("county_east", Ct));
    }

    [Fact]
    public async Task Two_instances_on_one_database_opening_one_stage_at_once_store_one_round()
    {
        var name = NewDatabaseName();
        var first = await OpenAsync(name);
        var second = await OpenAsync(name);

        var outcomes = await InParallelAsync(8, i => (i % 2 == 0 ? first : second).EvaluationRounds.CreateAsync(Round($"0e{i:x6}", "county_east"), Ct));

        Assert.Single(outcomes, o => o == RoundCreation.Created);
        Assert.Single(await first.EvaluationRounds.ListAsync("county_east", Ct));
        Assert.Single(await second.EvaluationRounds.ListAsync("county_east", Ct));
    }

    [Fact]
    public async Task Closing_the_open_round_frees_its_stage_for_a_make_up_round()
    {
        var stores = await OpenFreshAsync();
        var failed = new RoundResult(new Dictionary<string, long> { ["unsatisfied"] = 9 }, 9, 0, false, T0.AddDays(1));
        await stores.EvaluationRounds.CreateAsync(Round("0f000001", "county_east"), Ct);
        Assert.True(await stores.EvaluationRounds.TryCloseAsync("0f000001", failed, Ct));

        var makeUp = await stores.EvaluationRounds.CreateAsync(Round("0f000002", "county_east") with { OpensAt = T0.AddDays(2) }, Ct);
        var third = await stores.EvaluationRounds.CreateAsync(Round("0f000003", "county_east") with { OpensAt = T0.AddDays(2) }, Ct);
        await stores.EvaluationRounds.TryCountAndCloseAsync("0f000002", stores.Ballots, CountedResult, Ct);
        var afterCount = await stores.EvaluationRounds.CreateAsync(Round("0f000004", "county_east") with { OpensAt = T0.AddDays(4) }, Ct);

        Assert.Equal((RoundCreation.Created, RoundCreation.StageOpen, RoundCreation.Created), (makeUp, third, afterCount));
        Assert.Equal(
            [("0f000001", RoundStatus.Closed), ("0f000002", RoundStatus.Closed), ("0f000004", RoundStatus.Open)],
            (await stores.EvaluationRounds.ListAsync("county_east", Ct)).Select(r => (r.Id, r.Status)));
    }

    [Fact]
    public async Task Open_rounds_of_other_stages_or_other_units_and_closed_rounds_do_not_collide()
    {
        var stores = await OpenFreshAsync();
        var closed = new RoundResult(new Dictionary<string, long>(), 0, 0, false, T0);

        RoundCreation[] outcomes =
        [
            await stores.EvaluationRounds.CreateAsync(Round("10000001", "county_east"), Ct),
            await stores.EvaluationRounds.CreateAsync(Round("10000002", "county_east") with { Stage = "problems_found" }, Ct),
            await stores.EvaluationRounds.CreateAsync(Round("10000003", "county_west"), Ct),
            await stores.EvaluationRounds.CreateAsync(Round("10000004", "county_east") with { Stage = "meeting_satisfaction", Audience = RoundAudience.Code, Group = null, Code = "Q3W8E5" }, Ct),

            // A round stored closed (an import, a record of the past) holds no stage.
            await stores.EvaluationRounds.CreateAsync(Round("10000005", "county_east") with { Status = RoundStatus.Closed, Result = closed }, Ct),
        ];

        Assert.All(outcomes, o => Assert.Equal(RoundCreation.Created, o));
        Assert.Equal(4, (await stores.EvaluationRounds.ListAsync("county_east", Ct)).Count);
    }

    [Fact]
    public async Task Turnout_keeps_who_voted_apart_and_adding_twice_keeps_the_flag()
    {
        var stores = await OpenFreshAsync();
        var chat = new ChatRef("telegram", "501", ChatKind.Private);
        await stores.Turnout.AddAsync(new TurnoutEntry("r1", "telegram:501", chat, false), Ct);
        await stores.Turnout.AddAsync(new TurnoutEntry("r1", "telegram:502", chat with { Id = "502" }, false), Ct);

        Assert.True(await stores.Turnout.MarkVotedAsync("r1", "telegram:501", Ct));
        await stores.Turnout.AddAsync(new TurnoutEntry("r1", "telegram:501", chat, false), Ct);
        Assert.False(await stores.Turnout.MarkVotedAsync("r1", "telegram:999", Ct));

        var entries = await stores.Turnout.ListAsync("r1", Ct);
        Assert.Equal([true, false], entries.Select(e => e.Voted));
        Assert.Equal(chat, (await stores.Turnout.GetAsync("r1", "telegram:501", Ct))!.Chat);
    }

    private protected static RoundResult CountedResult(Tally tally) =>
        new(new Dictionary<string, long>(tally.Counts), tally.Counts.Values.Sum(), tally.Counts.GetValueOrDefault("satisfied"), false, T0.AddHours(1));

    private protected static string VoterHash(string round, string voter) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes("contract-secret"), Encoding.UTF8.GetBytes(round + "\n" + voter)));

    private protected static EvaluationRound Round(string id, string unit) => new()
    {
        Id = id,
        UnitId = unit,
        Stage = "style_status",
        Audience = RoundAudience.Group,
        Group = new ChatRef("telegram", "-1001", ChatKind.Group, "第一党支部"),
        OpensAt = T0,
        ClosesAt = T0.AddDays(1),
        PassRule = new PassRule(0.8m, 10),
        OpenedBy = "telegram:1",
    };
}
