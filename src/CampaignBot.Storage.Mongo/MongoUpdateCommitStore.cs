namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Handled updates written in groups (group commit): the updates that finish while one group is at the server go
/// together in the next, as one bulk write per collection — sessions (each filtered on the version read), outbox
/// messages, jobs, inbox marks — instead of a round trip per document.
/// <para>
/// On a replica set or a sharded cluster the group is one transaction. Without transactions (a single server, the
/// test engine) the parts are written one after another, sessions first, and the commit is not atomic: each session
/// then carries its update's pending effects, and a redelivered update finds itself applied and stores them again
/// (the replay path; every effect's id derives from its update, so a replay stores nothing twice).
/// </para>
/// </summary>
internal sealed class MongoUpdateCommitStore : IUpdateCommitStore
{
    private readonly IMongoClient _client;
    private readonly IMongoCollection<BsonDocument> _sessions;
    private readonly IMongoCollection<BsonDocument> _outbox;
    private readonly IMongoCollection<BsonDocument> _jobs;
    private readonly IMongoCollection<BsonDocument> _inbox;
    private readonly MongoOutboxStore _outboxStore;
    private readonly Batcher<UpdateCommit, bool> _groups;

    public MongoUpdateCommitStore(IMongoDatabase database, MongoOutboxStore outboxStore, bool transactions)
    {
        ArgumentNullException.ThrowIfNull(database);
        _client = database.Client;
        _sessions = database.GetCollection<BsonDocument>(MongoStores.Sessions);
        _outbox = database.GetCollection<BsonDocument>(MongoStores.Outbox);
        _jobs = database.GetCollection<BsonDocument>(MongoStores.Jobs);
        _inbox = database.GetCollection<BsonDocument>(MongoStores.Inbox);
        _outboxStore = outboxStore;
        Atomic = transactions;
        _groups = new Batcher<UpdateCommit, bool>(transactions ? CommitInTransactionsAsync : CommitInTurnAsync);
    }

    /// <summary>True when groups are transactions (detected at start from the server's <c>hello</c>).</summary>
    public bool Atomic { get; }

    /// <summary>Test hook: runs after the sessions of a group are written, before its effects (a crash in between).</summary>
    internal Func<Task>? AfterSessions { get; set; }

    public async Task<bool> TryCommitAsync(UpdateCommit commit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commit);
        ArgumentNullException.ThrowIfNull(commit.Session, nameof(commit));
        ArgumentException.ThrowIfNullOrWhiteSpace(commit.Session.Key, nameof(commit));
        ArgumentOutOfRangeException.ThrowIfNegative(commit.Session.Version, nameof(commit));

        var saved = await _groups.RunAsync(commit, cancellationToken);
        if (saved)
        {
            commit.Session.Version++;
        }

        return saved;
    }

    /// <summary>Without transactions: sessions, then outbox, jobs and inbox marks of the sessions saved.</summary>
    private async Task<IReadOnlyList<bool>> CommitInTurnAsync(IReadOnlyList<UpdateCommit> group, CancellationToken cancellationToken)
    {
        var conflicts = await SaveSessionsAsync(null, group, cancellationToken);
        var saved = group.Where((_, i) => !conflicts.Contains(i)).ToList();
        if (AfterSessions is { } hook)
        {
            await hook();
        }

        await _outboxStore.EnqueueAsync([.. saved.SelectMany(c => c.Messages)], cancellationToken);
        if (JobModels(saved) is { Count: > 0 } jobs)
        {
            try
            {
                await _jobs.BulkWriteAsync(jobs, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
            }
            catch (MongoException ex) when (IsDuplicateKey(ex))
            {
                // Two upserts of a new job id raced (another instance): redo the changes one by one, in order.
                await ApplyJobsOneByOneAsync(saved, cancellationToken);
            }
        }

        if (MarkModels(saved) is { Count: > 0 } marks)
        {
            await _inbox.BulkWriteAsync(marks, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }

        return [.. group.Select((_, i) => !conflicts.Contains(i))];
    }

    /// <summary>
    /// With transactions: the group in one transaction. A conflict aborts the transaction, so the group is tried again
    /// without the sessions that conflicted (those return false and their updates are re-run on the newer session).
    /// Transient errors (a write conflict with another instance, an election) are retried by the driver's helper.
    /// </summary>
    private async Task<IReadOnlyList<bool>> CommitInTransactionsAsync(IReadOnlyList<UpdateCommit> group, CancellationToken cancellationToken)
    {
        var remaining = Enumerable.Range(0, group.Count).ToList();
        var conflicted = new HashSet<int>();
        while (remaining.Count > 0)
        {
            var attempt = remaining.ConvertAll(i => group[i]);
            using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken);
            try
            {
                await session.WithTransactionAsync(
                    async (handle, token) =>
                    {
                        await WriteInTransactionAsync(handle, attempt, token);
                        return true;
                    },
                    cancellationToken: cancellationToken);
                break;
            }
            catch (VersionConflictException ex)
            {
                var lost = ex.Indexes.Select(i => remaining[i]).ToHashSet();
                conflicted.UnionWith(lost);
                remaining.RemoveAll(lost.Contains);
            }
        }

        return [.. group.Select((_, i) => !conflicted.Contains(i))];
    }

    private async Task WriteInTransactionAsync(IClientSessionHandle handle, IReadOnlyList<UpdateCommit> group, CancellationToken cancellationToken)
    {
        if (await SaveSessionsAsync(handle, group, cancellationToken) is { Count: > 0 } conflicts)
        {
            throw new VersionConflictException([.. conflicts]);
        }

        // A message id told before (a keyed notification) is left as it is: inserting it would abort the transaction.
        var messages = group.SelectMany(c => c.Messages).DistinctBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (messages.Count > 0)
        {
            await _outbox.BulkWriteAsync(handle, messages.Select(InsertIfAbsent), new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }

        if (JobModels(group) is { Count: > 0 } jobs)
        {
            await _jobs.BulkWriteAsync(handle, jobs, new BulkWriteOptions { IsOrdered = true }, cancellationToken);
        }

        if (MarkModels(group) is { Count: > 0 } marks)
        {
            await _inbox.BulkWriteAsync(handle, marks, new BulkWriteOptions { IsOrdered = false }, cancellationToken);
        }
    }

    /// <summary>
    /// Saves the group's sessions: first saves in one insert, later ones in one bulk of replaces filtered on the
    /// version read. When every write took (the usual case) that is all; otherwise one read tells which sessions
    /// now hold this commit's save and which another writer changed first (the conflicts, returned as indexes).
    /// Servers differ in how they report a duplicate key in a batch (a write error at its index, or an error for
    /// the whole command), so the read, not the error, decides.
    /// </summary>
    private async Task<HashSet<int>> SaveSessionsAsync(IClientSessionHandle? handle, IReadOnlyList<UpdateCommit> group, CancellationToken cancellationToken)
    {
        var firsts = group.Where(c => c.Session.Version == 0).Select(c => MongoSessionStore.ToDocument(c.Session, 1)).ToList();
        var laters = group.Where(c => c.Session.Version > 0).Select(c => MongoSessionStore.SaveModel(c.Session)).ToList();
        var complete = true;
        if (firsts.Count > 0)
        {
            try
            {
                var options = new InsertManyOptions { IsOrdered = false };
                await (handle is null ? _sessions.InsertManyAsync(firsts, options, cancellationToken) : _sessions.InsertManyAsync(handle, firsts, options, cancellationToken));
            }
            catch (MongoException ex) when (IsDuplicateKey(ex))
            {
                if (handle is not null)
                {
                    // The transaction is aborted: the first saves whose session exists (committed by another writer) lost.
                    var taken = await ExistingAsync(group, cancellationToken);
                    if (taken.Count == 0)
                    {
                        throw;
                    }

                    throw new VersionConflictException([.. taken], ex);
                }

                complete = false;
            }
        }

        if (laters.Count > 0)
        {
            var options = new BulkWriteOptions { IsOrdered = false };
            var result = await (handle is null ? _sessions.BulkWriteAsync(laters, options, cancellationToken) : _sessions.BulkWriteAsync(handle, laters, options, cancellationToken));
            complete &= result.MatchedCount == laters.Count;
        }

        if (complete)
        {
            return [];
        }

        var keys = group.Select(c => c.Session.Key).Distinct(StringComparer.Ordinal).ToList();
        var filter = Filter.In("_id", keys);
        var stored = (await (handle is null ? _sessions.Find(filter) : _sessions.Find(handle, filter)).ToListAsync(cancellationToken))
            .ToDictionary(d => d["_id"].AsString, StringComparer.Ordinal);
        return [.. group.Select((c, i) => (c, i)).Where(p => !HoldsSave(stored.GetValueOrDefault(p.c.Session.Key), p.c.Session)).Select(p => p.i)];
    }

    /// <summary>
    /// The stored session is this save, field for field. (Were it only equal but written by another instance handling the
    /// same update, its effects are this update's too; a false "conflict" merely re-runs the update, which then finds
    /// itself applied.)
    /// </summary>
    private static bool HoldsSave(BsonDocument? stored, Session session) =>
        stored is not null && stored.Equals(MongoSessionStore.ToDocument(session, session.Version + 1));

    /// <summary>Indexes of first saves whose session is already stored.</summary>
    private async Task<HashSet<int>> ExistingAsync(IReadOnlyList<UpdateCommit> group, CancellationToken cancellationToken)
    {
        var keys = group.Where(c => c.Session.Version == 0).Select(c => c.Session.Key).ToList();
        var existing = (await _sessions.Find(Filter.In("_id", keys)).Project(Builders<BsonDocument>.Projection.Include("_id")).ToListAsync(cancellationToken))
            .Select(d => d["_id"].AsString)
            .ToHashSet(StringComparer.Ordinal);
        return [.. group.Select((c, i) => (c, i)).Where(p => p.c.Session.Version == 0 && existing.Contains(p.c.Session.Key)).Select(p => p.i)];
    }

    private static WriteModel<BsonDocument> InsertIfAbsent(OutboxMessage message)
    {
        var doc = MongoOutboxStore.ToDocument(message);
        doc.Remove("_id");
        return new UpdateOneModel<BsonDocument>(ById(message.Id), new BsonDocument("$setOnInsert", doc)) { IsUpsert = true };
    }

    /// <summary>Each update's job changes in order: its cancellations, then its (re)schedules, as the effect applier does.</summary>
    private static List<WriteModel<BsonDocument>> JobModels(IEnumerable<UpdateCommit> commits) =>
    [
        .. commits.SelectMany(c => c.CancelledJobs.Select(id => (WriteModel<BsonDocument>)new DeleteOneModel<BsonDocument>(ById(id)))
            .Concat(c.Jobs.Select(job => new ReplaceOneModel<BsonDocument>(ById(job.Id), MongoJobStore.ToDocument(job with { LeaseOwner = null, LeaseUntil = null })) { IsUpsert = true }))),
    ];

    private static List<WriteModel<BsonDocument>> MarkModels(IEnumerable<UpdateCommit> commits) =>
        [.. commits.Where(c => c.InboxId is not null).Select(c => (WriteModel<BsonDocument>)MongoInboxStore.CompleteModel(c.InboxId!, InboxStatus.Handled, null))];

    private async Task ApplyJobsOneByOneAsync(IEnumerable<UpdateCommit> commits, CancellationToken cancellationToken)
    {
        foreach (var commit in commits)
        {
            foreach (var id in commit.CancelledJobs)
            {
                await _jobs.DeleteOneAsync(ById(id), cancellationToken);
            }

            foreach (var job in commit.Jobs)
            {
                await Upsert.ReplaceAsync(_jobs, job.Id, MongoJobStore.ToDocument(job with { LeaseOwner = null, LeaseUntil = null }), cancellationToken);
            }
        }
    }

    /// <summary>Sessions of a group whose version was no longer the one read (indexes into the group).</summary>
    private sealed class VersionConflictException : Exception
    {
        public VersionConflictException()
        {
        }

        public VersionConflictException(string message)
            : base(message)
        {
        }

        public VersionConflictException(string message, Exception inner)
            : base(message, inner)
        {
        }

        public VersionConflictException(IReadOnlyList<int> indexes, Exception? inner = null)
            : base("Sessions changed since they were read.", inner)
        {
            Indexes = indexes;
        }

        public IReadOnlyList<int> Indexes { get; } = [];
    }
}
