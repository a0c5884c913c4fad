namespace CampaignBot.Storage.Mongo;

/// <summary>Opens the MongoDB stores of one database, creating their indexes first.</summary>
public static class MongoStores
{
    internal const string Inbox = "inbox";
    internal const string Sessions = "sessions";
    internal const string Outbox = "outbox";
    internal const string Jobs = "jobs";
    internal const string JobFirings = "job_firings";
    internal const string Members = "members";
    internal const string Invites = "invites";
    internal const string Chats = "chats";
    internal const string ActivityEntries = "activity_entries";
    internal const string Households = "households";
    internal const string ReminderSettings = "reminder_settings";
    internal const string EvaluationRounds = "evaluation_rounds";
    internal const string Ballots = "ballots";
    internal const string Turnout = "turnout";
    internal const string DashboardLinks = "dashboard_links";
    internal const string DashboardSessions = "dashboard_sessions";

    public static Task<StoreBundle> OpenAsync(string connectionString, string databaseName, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(databaseName);

        // Clients with equal settings share one cluster (the driver's registry), so opening twice is cheap.
        var client = new MongoClient(connectionString);
        return OpenAsync(client.GetDatabase(databaseName), ct);
    }

    public static async Task<StoreBundle> OpenAsync(IMongoDatabase database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        var documents = new DocumentStores(name => new MongoDocuments(database.GetCollection<BsonDocument>(name)));
        await CreateIndexesAsync(database, documents.Tables, ct);
        var outbox = new MongoOutboxStore(database.GetCollection<BsonDocument>(Outbox));
        var transactions = await OffersTransactionsAsync(database.Client, ct);
        var inbox = new MongoInboxStore(database.GetCollection<BsonDocument>(Inbox));
        return new StoreBundle(
            inbox,
            new MongoSessionStore(database.GetCollection<BsonDocument>(Sessions)),
            outbox,
            new MongoJobStore(database.GetCollection<BsonDocument>(Jobs), database.GetCollection<BsonDocument>(JobFirings)),
            new MongoMemberStore(database.GetCollection<BsonDocument>(Members)),
            new MongoInviteStore(database.GetCollection<BsonDocument>(Invites)),
            new MongoChatStore(database.GetCollection<BsonDocument>(Chats)))
        {
            Commits = new MongoUpdateCommitStore(database, outbox, transactions),
            ActivityLog = new MongoActivityLogStore(database.GetCollection<BsonDocument>(ActivityEntries)),
            Households = new MongoHouseholdStore(database.GetCollection<BsonDocument>(Households)),
            ReminderSettings = new MongoReminderSettingsStore(database.GetCollection<BsonDocument>(ReminderSettings)),
            Documents = documents,
            EvaluationRounds = new MongoEvaluationRoundStore(database.GetCollection<BsonDocument>(EvaluationRounds)),
            Ballots = new MongoBallotStore(database.GetCollection<BsonDocument>(Ballots), inbox),
            Turnout = new MongoTurnoutStore(database.GetCollection<BsonDocument>(Turnout)),
            Dashboard = new MongoDashboardStore(database.GetCollection<BsonDocument>(DashboardLinks), database.GetCollection<BsonDocument>(DashboardSessions)),
        };
    }

    /// <summary>
    /// Whether the server runs multi-document transactions: a replica set member or a mongos (sharded cluster) of
    /// MongoDB 4.2 or later, with sessions. A single server (and the test engine) does not.
    /// </summary>
    internal static async Task<bool> OffersTransactionsAsync(IMongoClient client, CancellationToken ct)
    {
        var hello = await client.GetDatabase("admin").RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: ct);
        var clustered = hello.Contains("setName") || hello.GetValue("msg", BsonNull.Value) == "isdbgrid";
        return clustered && hello.Contains("logicalSessionTimeoutMinutes") && hello.GetValue("maxWireVersion", 0).ToInt32() >= 8;
    }

    private static async Task CreateIndexesAsync(IMongoDatabase database, IReadOnlyList<string> documentCollections, CancellationToken ct)
    {
        var keys = Builders<BsonDocument>.IndexKeys;
        await CreateAsync(database, Inbox, ct, Index(keys.Ascending("status").Ascending("receivedAt").Ascending("sequence")), Index(keys.Ascending(Claims.TokenField)));
        await CreateAsync(database, Outbox, ct, Index(keys.Ascending("status").Ascending("nextAttemptAt")), Index(keys.Ascending("status").Ascending("createdAt").Ascending("_id")), Index(keys.Ascending(Claims.TokenField)));
        await CreateAsync(database, Jobs, ct, Index(keys.Ascending("dueAt")));

        // The flow timeout sweep reads due sessions on this index.
        await CreateAsync(database, Sessions, ct, Index(keys.Ascending("timeoutAt")));

        // The unique (job, due time) key is what makes a job fire exactly once across instances.
        await CreateAsync(database, JobFirings, ct, Index(keys.Ascending("jobId").Ascending("dueAt"), new CreateIndexOptions { Unique = true, Name = "job_due_unique" }));
        await CreateAsync(database, Members, ct, Index(keys.Ascending("unitId")), Index(keys.Ascending("hostUnitId")));
        await CreateAsync(database, ActivityEntries, ct, Index(keys.Ascending("unitId").Ascending("kind").Ascending("date")), Index(keys.Ascending("memberId").Ascending("kind").Ascending("date")));
        await CreateAsync(database, Households, ct, Index(keys.Ascending("memberId").Ascending("label"), new CreateIndexOptions { Unique = true, Name = "member_label_unique" }));
        foreach (var collection in documentCollections)
        {
            await CreateAsync(database, collection, ct, MongoDocuments.Indexes());
        }

        // One ballot per voter per round: this unique index is the rule, whatever instance takes the press.
        await CreateAsync(database, Ballots, ct, Index(keys.Ascending("roundId").Ascending("voterHash"), new CreateIndexOptions { Unique = true, Name = "round_voter_unique" }));
        // At most one open round per (unit, stage): this partial unique index is the rule when two instances open at once.
        await CreateAsync(database, EvaluationRounds, ct, Index(keys.Ascending("unitId").Ascending("opensAt")), MongoEvaluationRoundStore.OpenStageIndex);
        await MongoEvaluationRoundStore.AddStagesAsync(database.GetCollection<BsonDocument>(EvaluationRounds), ct);
        await CreateAsync(database, Turnout, ct, Index(keys.Ascending("roundId").Ascending("voterId"), new CreateIndexOptions { Unique = true, Name = "round_voter_unique" }));
        await CreateAsync(database, DashboardLinks, ct, Index(keys.Ascending("memberId").Ascending("createdAt")));
        await CreateAsync(database, DashboardSessions, ct, Index(keys.Ascending("memberId")));
    }

    private static CreateIndexModel<BsonDocument> Index(IndexKeysDefinition<BsonDocument> keys, CreateIndexOptions? options = null) => new(keys, options);

    private static Task CreateAsync(IMongoDatabase database, string collection, CancellationToken ct, params CreateIndexModel<BsonDocument>[] models) =>
        database.GetCollection<BsonDocument>(collection).Indexes.CreateManyAsync(models, ct);
}
