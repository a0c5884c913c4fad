using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Mongo;
using CampaignBot.Storage.Tests.Contract;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using MongoDB.Driver;

namespace CampaignBot.Storage.Tests.Mongo;

/// <summary>
/// The update commit on a server without transactions (the test engine): a group's sessions are written first,
/// then its effects, so a crash in between must lose nothing that redelivery cannot restore, and double nothing.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class MongoUpdateCommitTests(MongoEngineFixture mongo)
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task The_test_engine_offers_no_transactions_so_commits_take_the_replay_path()
    {
        var database = new MongoClient(mongo.ConnectionString).GetDatabase(mongo.NewDatabaseName());
        var stores = await MongoStores.OpenAsync(database, Ct);

        Assert.Equal(!mongo.UsesEngine && await MongoStores.OffersTransactionsAsync(database.Client, Ct), stores.Commits!.Atomic);
        if (mongo.UsesEngine)
        {
            Assert.False(stores.Commits.Atomic);
        }
    }

    [Fact]
    public async Task A_crash_between_a_groups_sessions_and_its_effects_loses_nothing_and_redelivery_stores_each_effect_once()
    {
        const int Users = 12;
        var database = new MongoClient(mongo.ConnectionString).GetDatabase(mongo.NewDatabaseName());
        var stores = await MongoStores.OpenAsync(database, Ct);
        var updates = Enumerable.Range(0, Users).Select(i => PipelineHarness.Command($"u{i}", "start", $"{6000 + i}")).ToList();
        await stores.Inbox.AddManyAsync([.. updates.Select(u => InboxItem.From(u, ContractData.T0))], Ct);
        var commits = (MongoUpdateCommitStore)stores.Commits!;
        if (commits.Atomic)
        {
            return; // a server with transactions never writes a group in parts
        }

        // The process dies after the group's sessions are written, before its messages, jobs and inbox marks.
        commits.AfterSessions = () => throw new IOException("killed");
        var handler = new PipelineHarness(stores, new FakeTimeProvider(ContractData.T0)).Handler(commits: commits);
        foreach (var crashed in updates.Select(u => handler.HandleAsync(u, InboxItem.From(u, ContractData.T0).Id, Ct)).ToList())
        {
            await Assert.ThrowsAsync<IOException>(() => crashed);
        }

        Assert.Equal(0, await stores.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        Assert.Equal(Users, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));

        // Restart: the dispatcher takes the updates again; each finds itself applied and stores its saved effects.
        var restarted = await MongoStores.OpenAsync(database, Ct);
        var time = new FakeTimeProvider(ContractData.T0);
        var pipeline = new PipelineHarness(restarted, time);
        var dispatcher = new InboxDispatcher(restarted.Inbox, restarted.Outbox, pipeline.Handler(commits: restarted.Commits), new PipelineSignals(), pipeline.Options, time, NullLogger<InboxDispatcher>.Instance);
        Assert.Equal(Users, await dispatcher.RunOnceAsync(Ct));

        // And once more, as a second redelivery would: nothing changes.
        foreach (var update in updates)
        {
            await pipeline.Handler(commits: restarted.Commits).HandleAsync(update, Ct);
        }

        Assert.Equal(Users, await restarted.Inbox.CountAsync(InboxStatus.Handled, Ct));
        Assert.Equal(Users, await restarted.Outbox.CountAsync(OutboxStatus.Pending, Ct));
        foreach (var update in updates)
        {
            var session = (await restarted.Sessions.GetAsync(update.ConversationKey, Ct))!;
            Assert.Equal((1L, "reg"), (session.Version, session.Flow));
            Assert.NotNull(session.TimeoutAt); // the prompt's timeout is in the session row, not a job
        }
    }
}
