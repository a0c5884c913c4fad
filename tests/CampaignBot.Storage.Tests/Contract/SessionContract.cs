using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task New_session_is_inserted_at_version_zero_and_comes_back_at_version_one()
    {
        var stores = await OpenFreshAsync();
        var session = Session("telegram:1001:2002");

        Assert.True(await stores.Sessions.TrySaveAsync(session, Ct));
        Assert.Equal(1, session.Version);

        var stored = await stores.Sessions.GetAsync("telegram:1001:2002", Ct);
        Assert.NotNull(stored);
        Assert.Equal(1, stored.Version);
        Assert.Equal("self-examination", stored.Flow);
        Assert.Equal("AskingProblems", stored.State);
        Assert.Equal("p1", stored.PromptToken);
        Assert.Equal("作风漂浮", stored.Data["problem"]);
        Assert.Equal(["telegram:1"], stored.RecentUpdates);
        Assert.Equal(T0, stored.UpdatedAt);
    }

    [Fact]
    public async Task Unknown_session_reads_as_null()
    {
        var stores = await OpenFreshAsync();

        Assert.Null(await stores.Sessions.GetAsync("telegram:0:0", Ct));
    }

    [Fact]
    public async Task Second_insert_of_the_same_session_key_is_a_conflict()
    {
        var stores = await OpenFreshAsync();
        await stores.Sessions.TrySaveAsync(Session("k"), Ct);
        var rival = Session("k");
        rival.Flow = "pledge";

        Assert.False(await stores.Sessions.TrySaveAsync(rival, Ct));
        Assert.Equal(0, rival.Version);
        Assert.Equal("self-examination", (await stores.Sessions.GetAsync("k", Ct))!.Flow);
    }

    [Fact]
    public async Task Saving_from_a_stale_version_is_refused_and_changes_nothing()
    {
        var stores = await OpenFreshAsync();
        await stores.Sessions.TrySaveAsync(Session("k"), Ct);
        var fresh = (await stores.Sessions.GetAsync("k", Ct))!;
        var stale = (await stores.Sessions.GetAsync("k", Ct))!;
        fresh.State = "AskingMeasures";
        Assert.True(await stores.Sessions.TrySaveAsync(fresh, Ct));

        stale.State = "Cancelled";
        Assert.False(await stores.Sessions.TrySaveAsync(stale, Ct));

        Assert.Equal(1, stale.Version);
        var stored = (await stores.Sessions.GetAsync("k", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Equal("AskingMeasures", stored.State);
    }

    [Fact]
    public async Task Session_changes_are_saved_whole_including_cleared_values()
    {
        var stores = await OpenFreshAsync();
        var session = Session("k");
        await stores.Sessions.TrySaveAsync(session, Ct);

        session.ClearFlow();
        session.RememberUpdate("telegram:2");
        session.UpdatedAt = T0.AddMinutes(5);
        Assert.True(await stores.Sessions.TrySaveAsync(session, Ct));

        var stored = (await stores.Sessions.GetAsync("k", Ct))!;
        Assert.Equal(2, stored.Version);
        Assert.Null(stored.Flow);
        Assert.Null(stored.State);
        Assert.Null(stored.PromptToken);
        Assert.Empty(stored.Data);
        Assert.Equal(["telegram:1", "telegram:2"], stored.RecentUpdates);
        Assert.Equal(T0.AddMinutes(5), stored.UpdatedAt);
    }

    [Fact]
    public async Task Parallel_saves_from_one_version_let_exactly_one_win_and_the_loser_retries()
    {
        var stores = await OpenFreshAsync();
        await stores.Sessions.TrySaveAsync(Session("k"), Ct);
        var copies = new List<Session>();
        for (var i = 0; i < 8; i++)
        {
            var copy = (await stores.Sessions.GetAsync("k", Ct))!;
            copy.Data["writer"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            copies.Add(copy);
        }

        var results = await InParallelAsync(copies.Count, i => stores.Sessions.TrySaveAsync(copies[i], Ct));

        var winner = Assert.Single(Enumerable.Range(0, copies.Count), i => results[i]);
        Assert.Equal(winner.ToString(System.Globalization.CultureInfo.InvariantCulture), (await stores.Sessions.GetAsync("k", Ct))!.Data["writer"]);
        var loser = (await stores.Sessions.GetAsync("k", Ct))!;
        Assert.Equal(2, loser.Version);
        loser.Data["writer"] = "retry";
        Assert.True(await stores.Sessions.TrySaveAsync(loser, Ct));
        Assert.Equal(3, loser.Version);
        Assert.Equal("retry", (await stores.Sessions.GetAsync("k", Ct))!.Data["writer"]);
    }

    [Fact]
    public async Task Parallel_first_saves_of_a_new_session_let_exactly_one_insert()
    {
        var stores = await OpenFreshAsync();

        var results = await InParallelAsync(10, _ => stores.Sessions.TrySaveAsync(Session("new"), Ct));

        Assert.Single(results, saved => saved);
        Assert.Equal(1, (await stores.Sessions.GetAsync("new", Ct))!.Version);
    }

    [Fact]
    public async Task Sessions_are_listed_by_key()
    {
        var stores = await OpenFreshAsync();
        foreach (var key in new[] { "telegram:3", "telegram:1", "wecom:2" })
        {
            await stores.Sessions.TrySaveAsync(Session(key), Ct);
        }

        var all = await stores.Sessions.ListAsync(Ct);

        Assert.Equal(["telegram:1", "telegram:3", "wecom:2"], all.Select(s => s.Key));
        Assert.All(all, s => Assert.Equal(1, s.Version));
    }

    [Fact]
    public async Task Session_store_refuses_a_missing_session_with_a_clear_error()
    {
        var stores = await OpenFreshAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => stores.Sessions.TrySaveAsync(null!, Ct));
        await Assert.ThrowsAnyAsync<ArgumentException>(() => stores.Sessions.GetAsync("", Ct));
    }
}
