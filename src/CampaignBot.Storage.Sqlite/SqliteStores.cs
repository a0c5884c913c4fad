using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Organisation;

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
            Examinations = new DocumentExaminationStore(
                new SqliteDocuments(database, DocumentExaminationStore.Table),
                new SqliteDocuments(database, DocumentExaminationStore.VersionTable),
                new SqliteDocuments(database, DocumentExaminationStore.ReviewTable)),
            Pledges = new DocumentPledgeStore(new SqliteDocuments(database, DocumentPledgeStore.Table), new SqliteDocuments(database, DocumentPledgeStore.CheckInTable)),
            EvaluationRounds = new SqliteEvaluationRoundStore(database),
            Ballots = new SqliteBallotStore(database),
            Turnout = new SqliteTurnoutStore(database),
            Commits = new SqliteUpdateCommitStore(database),
            Dashboard = new SqliteDashboardStore(database),
            Opinions = new Core.Features.Opinions.DocumentOpinionStore(
                new SqliteDocuments(database, Core.Features.Opinions.DocumentOpinionStore.CollectionTable),
                new SqliteDocuments(database, Core.Features.Opinions.DocumentOpinionStore.Table),
                new SqliteDocuments(database, Core.Features.Opinions.DocumentOpinionStore.PlaceTable),
                new SqliteDocuments(database, Core.Features.Opinions.DocumentOpinionStore.AskedTable)),
            Ledger = new Core.Features.Ledger.DocumentLedgerStore(
                new SqliteDocuments(database, Core.Features.Ledger.DocumentLedgerStore.Table),
                new SqliteDocuments(database, Core.Features.Ledger.DocumentLedgerStore.HistoryTable)),
            Bulletins = new Core.Features.Bulletins.DocumentBulletinStore(
                new SqliteDocuments(database, Core.Features.Bulletins.DocumentBulletinStore.DispatchTable),
                new SqliteDocuments(database, Core.Features.Bulletins.DocumentBulletinStore.Table)),
            Units = new DocumentUnitStore(new SqliteDocuments(database, DocumentUnitStore.Table)),
            Roster = new DocumentRosterStore(new SqliteDocuments(database, DocumentRosterStore.Table)),
            LifeMeetings = new Core.Features.LifeMeetings.DocumentLifeMeetingStore(
                new SqliteDocuments(database, Core.Features.LifeMeetings.DocumentLifeMeetingStore.Table),
                new SqliteDocuments(database, Core.Features.LifeMeetings.DocumentLifeMeetingStore.TalkTable)),
            Inspections = new Core.Features.Inspections.DocumentInspectionStore(
                new SqliteDocuments(database, Core.Features.Inspections.DocumentInspectionStore.Table),
                new SqliteDocuments(database, Core.Features.Inspections.DocumentInspectionStore.ChecklistTable),
                new SqliteDocuments(database, Core.Features.Inspections.DocumentInspectionStore.BulletinTable),
                new SqliteDocuments(database, Core.Features.Inspections.DocumentInspectionStore.DecisionTable)),
            Contacts = new Core.Features.Contacts.DocumentContactStore(
                new SqliteDocuments(database, Core.Features.Contacts.DocumentContactStore.ChangeTable),
                new SqliteDocuments(database, Core.Features.Contacts.DocumentContactStore.VisitTable)),
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
