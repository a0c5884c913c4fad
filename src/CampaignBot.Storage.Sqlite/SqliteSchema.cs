namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// The schema, versioned in schema_version. Each step runs once (recorded in the same transaction) under the
/// write lock, so two processes opening a new file at once both end up with one schema.
/// </summary>
internal static class SqliteSchema
{
    public const int CurrentVersion = 12;

    private static readonly string[] OpinionAndLedgerTables =
    [
        Core.Features.Opinions.DocumentOpinionStore.CollectionTable, Core.Features.Opinions.DocumentOpinionStore.Table,
        Core.Features.Opinions.DocumentOpinionStore.PlaceTable, Core.Features.Opinions.DocumentOpinionStore.AskedTable,
        Core.Features.Ledger.DocumentLedgerStore.Table, Core.Features.Ledger.DocumentLedgerStore.HistoryTable,
        Core.Features.Bulletins.DocumentBulletinStore.DispatchTable, Core.Features.Bulletins.DocumentBulletinStore.Table,
    ];

    private static readonly string[] Steps =
    [
        """
        CREATE TABLE IF NOT EXISTS inbox (
            id TEXT NOT NULL PRIMARY KEY, conversation_key TEXT NOT NULL, sequence INTEGER NOT NULL,
            payload TEXT NOT NULL, received_at INTEGER NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL,
            lease_owner TEXT, lease_until INTEGER, error TEXT);
        CREATE INDEX IF NOT EXISTS ix_inbox_pending ON inbox (status, received_at, sequence, id);
        CREATE TABLE IF NOT EXISTS sessions (
            key TEXT NOT NULL PRIMARY KEY, version INTEGER NOT NULL, flow TEXT, state TEXT, prompt_token TEXT,
            data TEXT NOT NULL, recent_updates TEXT NOT NULL, updated_at INTEGER NOT NULL, pending_effects TEXT);
        CREATE TABLE IF NOT EXISTS outbox (
            id TEXT NOT NULL PRIMARY KEY, channel TEXT NOT NULL, chat_id TEXT NOT NULL, chat_kind TEXT NOT NULL,
            chat_title TEXT, body TEXT NOT NULL, created_at INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
            status TEXT NOT NULL, attempts INTEGER NOT NULL, lease_owner TEXT, lease_until INTEGER,
            external_message_id TEXT, sent_at INTEGER, last_error TEXT);
        CREATE INDEX IF NOT EXISTS ix_outbox_due ON outbox (status, next_attempt_at);
        CREATE TABLE IF NOT EXISTS jobs (
            id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, payload TEXT NOT NULL, due_at INTEGER NOT NULL,
            interval_ticks INTEGER, lease_owner TEXT, lease_until INTEGER);
        CREATE INDEX IF NOT EXISTS ix_jobs_due ON jobs (due_at, id);
        CREATE TABLE IF NOT EXISTS job_firings (
            job_id TEXT NOT NULL, due_at INTEGER NOT NULL, owner TEXT NOT NULL, fired_at INTEGER NOT NULL,
            completed_at INTEGER, PRIMARY KEY (job_id, due_at));
        CREATE TABLE IF NOT EXISTS members (
            id TEXT NOT NULL PRIMARY KEY, channel TEXT NOT NULL, user_id TEXT NOT NULL, name TEXT NOT NULL,
            rank TEXT NOT NULL, unit_id TEXT NOT NULL, role TEXT NOT NULL, language_code TEXT,
            registered_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_members_unit ON members (unit_id, id);
        CREATE TABLE IF NOT EXISTS invites (
            code TEXT NOT NULL PRIMARY KEY, unit_id TEXT NOT NULL, role TEXT NOT NULL, max_uses INTEGER NOT NULL,
            expires_at INTEGER, created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS invite_redemptions (
            code TEXT NOT NULL, member_id TEXT NOT NULL, position INTEGER NOT NULL, redeemed_at INTEGER NOT NULL,
            PRIMARY KEY (code, member_id));
        CREATE TABLE IF NOT EXISTS chats (
            channel TEXT NOT NULL, chat_id TEXT NOT NULL, kind TEXT NOT NULL, title TEXT,
            bot_is_member INTEGER NOT NULL, unreachable INTEGER NOT NULL, unit_id TEXT, updated_at INTEGER NOT NULL,
            PRIMARY KEY (channel, chat_id));
        CREATE TABLE IF NOT EXISTS activity_entries (
            id TEXT NOT NULL PRIMARY KEY, kind TEXT NOT NULL, member_id TEXT NOT NULL, unit_id TEXT NOT NULL, date TEXT NOT NULL,
            half_days INTEGER NOT NULL, form TEXT, topic TEXT, place TEXT, note TEXT, opinions TEXT, confirmed INTEGER NOT NULL,
            recorded_by TEXT NOT NULL, recorded_at INTEGER NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_activity_unit ON activity_entries (unit_id, kind, date);
        CREATE INDEX IF NOT EXISTS ix_activity_member ON activity_entries (member_id, kind, date);
        CREATE TABLE IF NOT EXISTS households (
            id TEXT NOT NULL PRIMARY KEY, member_id TEXT NOT NULL, unit_id TEXT NOT NULL, label TEXT NOT NULL,
            paired_at INTEGER NOT NULL);
        CREATE UNIQUE INDEX IF NOT EXISTS ux_households_member_label ON households (member_id, label);
        CREATE TABLE IF NOT EXISTS reminder_settings (
            member_id TEXT NOT NULL PRIMARY KEY, hour INTEGER, muted_until TEXT);
        CREATE TABLE IF NOT EXISTS evaluation_rounds (
            id TEXT NOT NULL PRIMARY KEY, unit_id TEXT NOT NULL, code TEXT UNIQUE, status TEXT NOT NULL,
            opens_at INTEGER NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_evaluation_rounds_unit ON evaluation_rounds (unit_id, opens_at, id);
        CREATE TABLE IF NOT EXISTS ballots (
            round_id TEXT NOT NULL, voter_hash TEXT NOT NULL, choice TEXT NOT NULL, cast_at INTEGER NOT NULL,
            PRIMARY KEY (round_id, voter_hash));
        CREATE TABLE IF NOT EXISTS turnout (
            round_id TEXT NOT NULL, voter_id TEXT NOT NULL, chat TEXT NOT NULL, voted INTEGER NOT NULL,
            PRIMARY KEY (round_id, voter_id));
        """
        + SqliteDocuments.Schema(Core.Features.Examinations.DocumentExaminationStore.Table) + SqliteDocuments.Schema(Core.Features.Examinations.DocumentExaminationStore.VersionTable)
        + SqliteDocuments.Schema(Core.Features.Examinations.DocumentExaminationStore.ReviewTable) + SqliteDocuments.Schema(Core.Features.Pledges.DocumentPledgeStore.Table)
        + SqliteDocuments.Schema(Core.Features.Pledges.DocumentPledgeStore.CheckInTable),

        // 2: calendar recurrence (Cronos) instead of a fixed interval; a firing's effects saved with its record.
        """
        ALTER TABLE jobs ADD COLUMN recurrence TEXT;
        ALTER TABLE job_firings ADD COLUMN effects TEXT;
        """,

        // 3: managing people — deactivated members, invites that fix or cap the rank, revoked invites.
        """
        ALTER TABLE members ADD COLUMN deactivated_at INTEGER;
        ALTER TABLE invites ADD COLUMN rank TEXT;
        ALTER TABLE invites ADD COLUMN max_rank TEXT;
        ALTER TABLE invites ADD COLUMN revoked_at INTEGER;
        """,

        // 4: the web dashboard's sign-in links and sessions, keyed by the SHA-256 of their secret.
        """
        CREATE TABLE IF NOT EXISTS dashboard_links (
            token_hash TEXT NOT NULL PRIMARY KEY, member_id TEXT NOT NULL, created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL, used_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_dashboard_links_member ON dashboard_links (member_id, created_at);
        CREATE TABLE IF NOT EXISTS dashboard_sessions (
            id_hash TEXT NOT NULL PRIMARY KEY, member_id TEXT NOT NULL, created_at INTEGER NOT NULL,
            last_seen_at INTEGER NOT NULL, revoked_at INTEGER);
        CREATE INDEX IF NOT EXISTS ix_dashboard_sessions_member ON dashboard_sessions (member_id);
        """,

        // 5: opinions, the rectification ledger, monthly dispatch and bulletins.
        string.Concat(OpinionAndLedgerTables.Select(SqliteDocuments.Schema)),

        // 6: the democratic life meeting (专题民主生活会) and its criticism talks (三轮沟通).
        string.Concat(Core.Features.LifeMeetings.DocumentLifeMeetingStore.Tables.Select(SqliteDocuments.Schema)),

        // 7: random inspections (随机调研), their checklists and bulletins, organisational handling decisions.
        string.Concat(Core.Features.Inspections.DocumentInspectionStore.Tables.Select(SqliteDocuments.Schema)),

        // 8: contact points set in chat and contact visits (全程联系).
        SqliteDocuments.Schema(Core.Features.Contacts.DocumentContactStore.ChangeTable) + SqliteDocuments.Schema(Core.Features.Contacts.DocumentContactStore.VisitTable),

        // 9: units and members from the organisation's lists: personal invites carry the name they fix (their rank is
        // the invite's rank of step 3), mobile members their host unit (流入地); the stored units and the roster.
        """
        ALTER TABLE invites ADD COLUMN name TEXT;
        ALTER TABLE members ADD COLUMN host_unit_id TEXT;
        CREATE INDEX IF NOT EXISTS ix_members_host_unit ON members (host_unit_id, id);
        """
        + SqliteDocuments.Schema(Core.Features.Organisation.DocumentUnitStore.Table) + SqliteDocuments.Schema(Core.Features.Organisation.DocumentRosterStore.Table),

        // 10: flow timeouts in the session row (the prompt's timeout instant and whom to tell), swept on a partial
        // index instead of one scheduler job per prompt.
        """
        ALTER TABLE sessions ADD COLUMN timeout_at INTEGER;
        ALTER TABLE sessions ADD COLUMN timeout_to TEXT;
        CREATE INDEX IF NOT EXISTS ix_sessions_timeout ON sessions (timeout_at) WHERE timeout_at IS NOT NULL;
        """,

        // 11: at most one open round per (unit, stage), kept by the store: the stage as a column (from each round's body)
        // and a unique index over the open rounds. Before this step the rule was only a check before the insert, so two
        // openings at once could leave two open rounds of one stage; both are kept, open, as they were (their ballots are
        // being cast). The earliest holds the stage in the index; each later one keeps a NULL stage column, which the
        // index leaves out (NULLs are distinct), until it closes. No new round of the stage opens while the earliest is
        // open, and the check before the insert still refuses one while any of them is.
        """
        ALTER TABLE evaluation_rounds ADD COLUMN stage TEXT;
        UPDATE evaluation_rounds SET stage = json_extract(body, '$.stage');
        UPDATE evaluation_rounds SET stage = NULL WHERE status = 'Open' AND EXISTS (
            SELECT 1 FROM evaluation_rounds AS earlier
            WHERE earlier.unit_id = evaluation_rounds.unit_id AND earlier.status = 'Open'
              AND json_extract(earlier.body, '$.stage') = json_extract(evaluation_rounds.body, '$.stage')
              AND (earlier.opens_at, earlier.id) < (evaluation_rounds.opens_at, evaluation_rounds.id));
        CREATE UNIQUE INDEX IF NOT EXISTS ux_evaluation_rounds_open_stage ON evaluation_rounds (unit_id, stage) WHERE status = 'Open';
        """,

        // 12: secret ballots and anonymous opinions keep no order of arrival. A rowid table hands its rows out in the
        // order they were written, which lines up with the inbox and outbox rows of who pressed or wrote when; these
        // tables become WITHOUT ROWID (rows in key order: keyed hashes and random ids). A ballot's time becomes its
        // round's opening hour (ballots from before kept the hour they were cast).
        """
        CREATE TABLE ballots_keyed (
            round_id TEXT NOT NULL, voter_hash TEXT NOT NULL, choice TEXT NOT NULL, cast_at INTEGER NOT NULL,
            PRIMARY KEY (round_id, voter_hash)) WITHOUT ROWID;
        INSERT INTO ballots_keyed (round_id, voter_hash, choice, cast_at)
            SELECT b.round_id, b.voter_hash, b.choice, COALESCE(r.opens_at - r.opens_at % 36000000000, b.cast_at)
            FROM ballots AS b LEFT JOIN evaluation_rounds AS r ON r.id = b.round_id;
        DROP TABLE ballots;
        ALTER TABLE ballots_keyed RENAME TO ballots;
        """
        + KeyedDocuments(Core.Features.Opinions.DocumentOpinionStore.Table) + KeyedDocuments(Core.Features.Opinions.DocumentOpinionStore.PlaceTable),
    ];

    /// <summary>Rebuilds a document table (<see cref="SqliteDocuments.Schema"/>) as WITHOUT ROWID, with its indexes.</summary>
    private static string KeyedDocuments(string table) => $"""
        CREATE TABLE {table}_keyed (
            id TEXT NOT NULL PRIMARY KEY, member_id TEXT NOT NULL, unit_id TEXT NOT NULL, body TEXT NOT NULL) WITHOUT ROWID;
        INSERT INTO {table}_keyed (id, member_id, unit_id, body) SELECT id, member_id, unit_id, body FROM {table};
        DROP TABLE {table};
        ALTER TABLE {table}_keyed RENAME TO {table};
        """ + SqliteDocuments.Schema(table);

    public static async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using (var create = SqliteDatabase.Command(
            connection,
            "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL PRIMARY KEY, applied_at INTEGER NOT NULL);",
            transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = await StoredVersionAsync(connection, transaction, cancellationToken);
        if (stored > CurrentVersion)
        {
            throw new InvalidOperationException(
                $"The database {connection.DataSource} has schema version {stored}, newer than this build knows ({CurrentVersion}). Run a newer CampaignBot.");
        }

        for (var version = stored + 1; version <= CurrentVersion; version++)
        {
            await using var step = SqliteDatabase.Command(connection, Steps[version - 1], transaction);
            await step.ExecuteNonQueryAsync(cancellationToken);
            await using var record = SqliteDatabase.Command(
                connection, "INSERT INTO schema_version (version, applied_at) VALUES (@version, @at);", transaction);
            record.Parameters.Set("@version", version).Set("@at", DateTimeOffset.UtcNow);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    public static async Task<long> StoredVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = SqliteDatabase.Command(connection, "SELECT COALESCE(MAX(version), 0) FROM schema_version;", transaction);
        return (long)(await read.ExecuteScalarAsync(cancellationToken) ?? 0L);
    }
}
