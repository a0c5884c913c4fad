namespace CampaignBot.Storage.Sqlite;

/// <summary>Opens the embedded SQLite store: one database file holding every store.</summary>
public static class SqliteStores
{
    /// <summary>
    /// Opens (creating it and its folder on first use) the database at <paramref name="databasePath"/>,
    /// switches it to WAL journal mode and brings its schema up to date.
    /// </summary>
    public static async Task<StoreBundle> OpenAsync(string databasePath, CancellationToken ct) =>
        (await OpenWithDatabaseAsync(databasePath, ct)).Stores;

    /// <summary>The stores and the database under them (tests reach the writer through it).</summary>
    internal static async Task<(StoreBundle Stores, SqliteDatabase Database)> OpenWithDatabaseAsync(string databasePath, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var fullPath = Path.GetFullPath(databasePath);
        var folder = Path.GetDirectoryName(fullPath);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        var database = new SqliteDatabase(connectionString);

        try
        {
            await using var connection = await database.OpenAsync(ct);
            await UseWriteAheadLogAsync(connection, ct);
            await SqliteSchema.ApplyAsync(connection, ct);
        }
        catch (SqliteException ex)
        {
            // SQLite's own message ("file is not a database") does not say which file.
            throw new InvalidOperationException($"Could not open the CampaignBot database {fullPath}: {ex.Message}", ex);
        }

        return (new StoreBundle(
            new SqliteInboxStore(database),
            new SqliteSessionStore(database),
            new SqliteOutboxStore(database),
            new SqliteJobStore(database),
            new SqliteMemberStore(database),
            new SqliteInviteStore(database),
            new SqliteChatStore(database))
        {
            ActivityLog = new SqliteActivityLogStore(database),
            Households = new SqliteHouseholdStore(database),
            ReminderSettings = new SqliteReminderSettingsStore(database),
            Documents = new DocumentStores(table => new SqliteDocuments(database, table)),
            EvaluationRounds = new SqliteEvaluationRoundStore(database),
            Ballots = new SqliteBallotStore(database),
            Turnout = new SqliteTurnoutStore(database),
            Commits = new SqliteUpdateCommitStore(database),
            Dashboard = new SqliteDashboardStore(database),
        }, database);
    }

    /// <summary>WAL lets readers go on while one writer writes; the mode is stored in the file.</summary>
    private static async Task UseWriteAheadLogAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = SqliteDatabase.Command(connection, "PRAGMA journal_mode = WAL;");
        var mode = (string?)await command.ExecuteScalarAsync(ct);
        if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"The database {connection.DataSource} could not switch to WAL journal mode (it reports '{mode}'); keep it on a local disk.");
        }
    }
}
