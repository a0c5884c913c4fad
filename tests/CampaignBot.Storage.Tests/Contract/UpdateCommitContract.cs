using CampaignBot.Core.Storage;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Contract;

/// <summary>
/// The update commit (one write per handled update, written in groups): each update's session, messages, jobs and
/// inbox mark are stored, or on a version conflict none of them, whatever else shares its group.
/// </summary>
public abstract partial class StoreContractTests
{
    [Fact]
    public async Task Updates_committed_together_each_store_their_session_messages_jobs_and_inbox_mark()
    {
        var stores = await OpenFreshAsync();
        var commits = stores.Commits!;
        var items = Enumerable.Range(0, 20).Select(i => InboxItem($"c{i}", T0, i)).ToList();
        await stores.Inbox.AddManyAsync(items, Ct);

        var saved = await InParallelAsync(20, i => commits.TryCommitAsync(
            new UpdateCommit(Session($"s{i}"), [Outbox($"c{i}#00", T0)], [Job($"timeout:s{i}", T0.AddMinutes(30))], [], items[i].Id),
            Ct));

        Assert.All(saved, Assert.True);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(1, (await stores.Sessions.GetAsync($"s{i}", Ct))!.Version);
            Assert.NotNull(await stores.Outbox.GetAsync($"c{i}#00", Ct));
            Assert.NotNull(await stores.Jobs.GetAsync($"timeout:s{i}", Ct));
        }

        Assert.Equal(20, await stores.Inbox.CountAsync(InboxStatus.Handled, Ct));
    }

    [Fact]
    public async Task In_a_group_of_commits_only_the_stale_sessions_are_refused_and_nothing_of_theirs_is_stored()
    {
        var stores = await OpenFreshAsync();
        var commits = stores.Commits!;
        for (var i = 0; i < 10; i++)
        {
            Assert.True(await commits.TryCommitAsync(new UpdateCommit(Session($"s{i}"), [], [Job($"keep:s{i}", T0)], [], null), Ct));
        }

        // Even sessions carry the version read (1); odd ones a version that another save has replaced (0, or 5 never stored).
        var results = await InParallelAsync(10, i => commits.TryCommitAsync(
            new UpdateCommit(
                SessionAt($"s{i}", version: i % 2 == 0 ? 1 : (i % 4 == 1 ? 0 : 5), state: $"next{i}"),
                [Outbox($"m{i}", T0)],
                [Job($"new:s{i}", T0)],
                [$"keep:s{i}"],
                null),
            Ct));

        for (var i = 0; i < 10; i++)
        {
            var fresh = i % 2 == 0;
            var session = (await stores.Sessions.GetAsync($"s{i}", Ct))!;
            Assert.Equal(fresh, results[i]);
            Assert.Equal(fresh ? (2L, $"next{i}") : (1L, "AskingProblems"), (session.Version, session.State));
            Assert.Equal(fresh, await stores.Outbox.GetAsync($"m{i}", Ct) is not null);
            Assert.Equal(fresh, await stores.Jobs.GetAsync($"new:s{i}", Ct) is not null);
            Assert.Equal(!fresh, await stores.Jobs.GetAsync($"keep:s{i}", Ct) is not null);
        }
    }

    private static Session SessionAt(string key, long version, string state)
    {
        var session = Session(key);
        session.Version = version;
        session.State = state;
        return session;
    }
}
