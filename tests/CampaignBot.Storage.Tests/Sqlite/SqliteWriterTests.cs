using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;
using static CampaignBot.Storage.Tests.Contract.ContractData;

namespace CampaignBot.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite writer: one connection, units of work grouped into one transaction, each caller acknowledged only
/// after its group's COMMIT; a handled update written as one unit.
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));

    private string DatabasePath => Path.Combine(folder, "campaignbot.db");

    [Fact]
    public async Task Writes_queued_together_share_one_commit_and_each_is_acknowledged()
    {
        var (stores, database) = await SqliteStores.OpenWithDatabaseAsync(DatabasePath, Ct);
        var groupSizes = new List<int>();
        using var gate = new SemaphoreSlim(0);
        database.BeforeCommit = size =>
        {
            groupSizes.Add(size);
            if (groupSizes.Count == 1)
            {
                // Hold the first group at its commit, so the next 100 writes queue up behind it.
                gate.Wait();
            }
        };

        var first = stores.Inbox.AddAsync(InboxItem("first", T0), Ct);
        var rest = Enumerable.Range(0, 100).Select(i => stores.Inbox.AddAsync(InboxItem($"u{i}", T0, i), Ct)).ToArray();
        gate.Release();

        Assert.True(await first);
        Assert.All(await Task.WhenAll(rest), Assert.True);
        Assert.Equal(101, await stores.Inbox.CountAsync(InboxStatus.Pending, Ct));
        Assert.Equal(101, groupSizes.Sum());
        Assert.True(groupSizes.Count <= 3, $"101 writes took {groupSizes.Count} commits");
    }

    [Fact]
    public async Task Every_group_commits_on_the_writer_s_own_thread_and_never_on_a_thread_pool_thread()
    {
        var (stores, database) = await SqliteStores.OpenWithDatabaseAsync(DatabasePath, Ct);
        var threads = new List<(bool Pool, string? Name, bool Writer)>();
        database.BeforeCommit = _ =>
        {
            lock (threads)
            {
                threads.Add((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name, database.IsWriterThread));
            }
        };

        // Writes one after another (the writer goes idle and is woken each time) and then many at once.
        for (var i = 0; i < 5; i++)
        {
            Assert.True(await stores.Inbox.AddAsync(InboxItem($"one{i}", T0, i), Ct));
        }

        Assert.All(await Task.WhenAll(Enumerable.Range(0, 50).Select(i => stores.Inbox.AddAsync(InboxItem($"many{i}", T0, i), Ct))), Assert.True);

        Assert.True(threads.Count >= 6, $"{threads.Count} commits");
        Assert.All(threads, thread =>
        {
            Assert.False(thread.Pool, "a group committed on a thread-pool thread, where it would queue behind the pool's other work");
            Assert.Equal("sqlite-writer", thread.Name);
            Assert.True(thread.Writer);
        });
    }

    [Fact]
    public async Task A_failing_unit_fails_alone_and_the_rest_of_its_group_commits()
    {
        var (stores, database) = await SqliteStores.OpenWithDatabaseAsync(DatabasePath, Ct);
        using var gate = new SemaphoreSlim(0);
        var commits = 0;
        database.BeforeCommit = _ =>
        {
            if (Interlocked.Increment(ref commits) == 1)
            {
                gate.Wait();
            }
        };

        var holder = stores.Inbox.AddAsync(InboxItem("holder", T0), Ct);
        var good = stores.Inbox.AddAsync(InboxItem("good", T0), Ct);
        var bad = database.ExecuteAsync("INSERT INTO no_such_table VALUES (1);", SqliteDatabase.NoParameters, Ct);
        var alsoGood = stores.Outbox.EnqueueAsync([Outbox("m", T0)], Ct);
        gate.Release();

        await holder;
        Assert.True(await good);
        await Assert.ThrowsAsync<SqliteException>(() => bad);
        await alsoGood;
        Assert.NotNull(await stores.Inbox.GetAsync("telegram:good", Ct));
        Assert.NotNull(await stores.Outbox.GetAsync("m", Ct));
    }

    [Fact]
    public async Task A_writer_that_dies_in_the_middle_of_a_group_loses_nothing_acknowledged_and_redelivery_stores_the_rest_once()
    {
        var (before, database) = await SqliteStores.OpenWithDatabaseAsync(DatabasePath, Ct);
        var acknowledged = Enumerable.Range(0, 50).Select(i => InboxItem($"a{i}", T0, i)).ToList();
        foreach (var added in await Task.WhenAll(acknowledged.Select(item => before.Inbox.AddAsync(item, Ct))))
        {
            Assert.True(added);
        }

        // A handled update that was acknowledged: session, reply and inbox mark in one unit.
        var handled = new Session { Key = "telegram:1001:2002", UpdatedAt = T0, Flow = "registration", State = "AskingName" };
        Assert.True(await before.Commits!.TryCommitAsync(new UpdateCommit(handled, [Outbox("a0#00", T0, "请输入姓名。")], [], [], "telegram:a0"), Ct));

        // The process dies just before the next group's COMMIT, with a group of writes and a handled update in it.
        using var gate = new SemaphoreSlim(0);
        database.BeforeCommit = _ =>
        {
            gate.Wait();
            throw new WriterCrashedException();
        };
        var lost = Enumerable.Range(0, 50).Select(i => InboxItem($"b{i}", T0, 100 + i)).ToList();
        var inFlight = lost.Select(item => before.Inbox.AddAsync(item, Ct)).ToList();
        var next = new Session { Key = handled.Key, Version = 1, UpdatedAt = T0, Flow = "registration", State = "AskingRank" };
        var commitInFlight = before.Commits.TryCommitAsync(new UpdateCommit(next, [Outbox("a1#00", T0, "请选择职级。")], [Job("j", T0)], [], "telegram:a1"), Ct);
        gate.Release();

        foreach (var write in inFlight)
        {
            await Assert.ThrowsAsync<WriterCrashedException>(() => write);
        }

        await Assert.ThrowsAsync<WriterCrashedException>(() => commitInFlight);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => before.Inbox.AddAsync(InboxItem("after", T0), Ct));

        // Restart: everything acknowledged is there, nothing unacknowledged is.
        var after = await SqliteStores.OpenAsync(DatabasePath, Ct);
        Assert.Equal(49, await after.Inbox.CountAsync(InboxStatus.Pending, Ct));
        Assert.Equal(1, await after.Inbox.CountAsync(InboxStatus.Handled, Ct));
        Assert.Equal(InboxStatus.Handled, (await after.Inbox.GetAsync("telegram:a0", Ct))!.Status);
        Assert.Equal(InboxStatus.Pending, (await after.Inbox.GetAsync("telegram:a1", Ct))!.Status);
        Assert.All(lost, item => Assert.Null(after.Inbox.GetAsync(item.Id, Ct).Result));
        var session = (await after.Sessions.GetAsync(handled.Key, Ct))!;
        Assert.Equal((1L, "AskingName"), (session.Version, session.State));
        Assert.NotNull(await after.Outbox.GetAsync("a0#00", Ct));
        Assert.Null(await after.Outbox.GetAsync("a1#00", Ct));
        Assert.Null(await after.Jobs.GetAsync("j", Ct));

        // Redelivery of everything: the acknowledged once more changes nothing, the lost are stored once each.
        var again = await Task.WhenAll(acknowledged.Concat(lost).Select(item => after.Inbox.AddAsync(item, Ct)));
        Assert.Equal(50, again.Count(added => !added));
        Assert.Equal(50, again.Count(added => added));
        Assert.Equal(99, await after.Inbox.CountAsync(InboxStatus.Pending, Ct));
        Assert.True(await after.Commits!.TryCommitAsync(new UpdateCommit(next, [Outbox("a1#00", T0, "请选择职级。")], [Job("j", T0)], [], "telegram:a1"), Ct));
        Assert.Equal(2, (await after.Sessions.GetAsync(handled.Key, Ct))!.Version);
    }

    [Fact]
    public async Task A_handled_update_is_written_whole_or_on_a_version_conflict_not_at_all()
    {
        var stores = await SqliteStores.OpenAsync(DatabasePath, Ct);
        await stores.Inbox.AddAsync(InboxItem("1", T0), Ct);
        await stores.Inbox.AddAsync(InboxItem("2", T0, 2), Ct);
        await stores.Jobs.UpsertAsync(Job("old-timeout", T0), Ct);
        var session = new Session { Key = "k", UpdatedAt = T0 };

        Assert.True(await stores.Commits!.TryCommitAsync(new UpdateCommit(session, [Outbox("1#00", T0)], [Job("timeout", T0.AddMinutes(30))], ["old-timeout"], "telegram:1"), Ct));
        var stale = new Session { Key = "k", UpdatedAt = T0 };
        Assert.False(await stores.Commits.TryCommitAsync(new UpdateCommit(stale, [Outbox("2#00", T0)], [Job("other", T0)], ["timeout"], "telegram:2"), Ct));

        Assert.Equal(1, session.Version);
        Assert.Equal(0, stale.Version);
        Assert.Equal(1, (await stores.Sessions.GetAsync("k", Ct))!.Version);
        Assert.NotNull(await stores.Outbox.GetAsync("1#00", Ct));
        Assert.NotNull(await stores.Jobs.GetAsync("timeout", Ct));
        Assert.Null(await stores.Jobs.GetAsync("old-timeout", Ct));
        Assert.Equal(InboxStatus.Handled, (await stores.Inbox.GetAsync("telegram:1", Ct))!.Status);
        Assert.Null(await stores.Outbox.GetAsync("2#00", Ct));
        Assert.Null(await stores.Jobs.GetAsync("other", Ct));
        Assert.Equal(InboxStatus.Pending, (await stores.Inbox.GetAsync("telegram:2", Ct))!.Status);
    }

    [Fact]
    public async Task Retention_prunes_what_is_older_than_the_configured_time_and_keeps_the_rest()
    {
        var stores = await SqliteStores.OpenAsync(DatabasePath, Ct);
        await stores.Inbox.AddAsync(InboxItem("old", T0), Ct);
        await stores.Inbox.AddAsync(InboxItem("recent", T0.AddDays(2), 2), Ct);
        await stores.Inbox.CompleteAsync("telegram:old", InboxStatus.Handled, null, Ct);
        await stores.Inbox.CompleteAsync("telegram:recent", InboxStatus.Handled, null, Ct);
        await stores.Outbox.EnqueueAsync([Outbox("sent", T0)], Ct);
        await stores.Outbox.MarkSentAsync("sent", "m1", T0, Ct);
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(T0.AddDays(3));
        var options = Microsoft.Extensions.Options.Options.Create(new Core.Pipeline.PipelineOptions { Retention = TimeSpan.FromDays(2) });
        var worker = new Core.Pipeline.RetentionWorker(stores.Inbox, stores.Outbox, options, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<Core.Pipeline.RetentionWorker>.Instance);

        Assert.Equal((1L, 1L), await worker.RunOnceAsync(Ct));
        Assert.Null(await stores.Inbox.GetAsync("telegram:old", Ct));
        Assert.NotNull(await stores.Inbox.GetAsync("telegram:recent", Ct));
        Assert.Null(await stores.Outbox.GetAsync("sent", Ct));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
