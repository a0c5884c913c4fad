using CampaignBot.Storage.Tests.Contract;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Tests.Sqlite;

/// <summary>What only the SQLite store promises: the file, its folder, WAL mode and the schema version.</summary>
public sealed class SqliteStoresTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Opening_creates_the_folder_and_the_file_in_wal_mode()
    {
        var path = Path.Combine(folder, "data", "nested", "campaignbot.db");

        await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.True(File.Exists(path));
        Assert.Equal("wal", await ScalarAsync(path, "PRAGMA journal_mode;"));
    }

    [Fact]
    public async Task Schema_is_created_once_and_its_version_recorded_however_often_it_is_opened()
    {
        var path = Path.Combine(folder, "campaignbot.db");

        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SqliteStores.OpenAsync(path, CancellationToken.None)));

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_file_of_schema_version_1_is_upgraded_and_its_fixed_interval_jobs_read_as_calendar_rules()
    {
        var path = Path.Combine(folder, "v1.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        var due = new DateTimeOffset(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
        await ScalarAsync(path, $"""
            DROP INDEX ux_evaluation_rounds_open_stage;
            ALTER TABLE evaluation_rounds DROP COLUMN stage;
            DROP INDEX ix_sessions_timeout;
            ALTER TABLE sessions DROP COLUMN timeout_at;
            ALTER TABLE sessions DROP COLUMN timeout_to;
            ALTER TABLE jobs DROP COLUMN recurrence;
            ALTER TABLE job_firings DROP COLUMN effects;
            DROP INDEX ix_members_host_unit;
            ALTER TABLE invites DROP COLUMN name;
            ALTER TABLE members DROP COLUMN host_unit_id;
            DROP TABLE org_units;
            DROP TABLE org_roster;
            ALTER TABLE members DROP COLUMN deactivated_at;
            ALTER TABLE invites DROP COLUMN rank;
            ALTER TABLE invites DROP COLUMN max_rank;
            ALTER TABLE invites DROP COLUMN revoked_at;
            DELETE FROM schema_version WHERE version >= 2;
            INSERT INTO jobs (id, kind, payload, due_at, interval_ticks) VALUES ('pledge-checkin:telegram:1', 'pledge-checkin', 'legacy', {due.UtcTicks}, {TimeSpan.FromDays(30).Ticks});
            """);
        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);
        var job = (await stores.Jobs.GetAsync("pledge-checkin:telegram:1", CancellationToken.None))!;

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 2, 0, 0, TimeSpan.Zero), job.NextDueAfter(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.True(await stores.Jobs.TryRecordFiringAsync(new Core.Storage.JobFiring(job.Id, due, "n1", due, null) { Effects = "{}" }, CancellationToken.None));
        Assert.Equal("{}", (await stores.Jobs.GetFiringAsync(job.Id, due, CancellationToken.None))!.Effects);
    }

    [Fact]
    public async Task A_version_2_file_gains_deactivation_and_invite_rank_columns_and_keeps_its_members()
    {
        var path = Path.Combine(folder, "v1.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        foreach (var statement in (string[])
        [
            "DELETE FROM schema_version WHERE version >= 3;",
            .. UndoStepsFromOrganisation,
            "ALTER TABLE members DROP COLUMN deactivated_at;",
            "ALTER TABLE invites DROP COLUMN rank;",
            "ALTER TABLE invites DROP COLUMN max_rank;",
            "ALTER TABLE invites DROP COLUMN revoked_at;",
            "INSERT INTO members (id, channel, user_id, name, rank, unit_id, role, language_code, registered_at) VALUES ('telegram:1', 'telegram', '1', '张三', 'ordinary', 'u', 'member', NULL, 0);",
            "INSERT INTO invites (code, unit_id, role, max_uses, expires_at, created_at) VALUES ('OLD1', 'u', 'member', 3, NULL, 0);",
        ])
        {
            await ScalarAsync(path, statement);
        }

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        var member = await stores.Members.GetAsync("telegram:1", CancellationToken.None);
        var invite = await stores.Invites.GetAsync("OLD1", CancellationToken.None);
        Assert.Equal(("张三", true), (member!.Name, member.IsActive));
        Assert.Equal(((string?)null, (string?)null, (DateTimeOffset?)null), (invite!.Rank, invite.MaxRank, invite.RevokedAt));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_database_of_schema_version_4_gets_the_opinion_and_ledger_tables_when_opened()
    {
        var path = Path.Combine(folder, "old.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await ScalarAsync(path, "DROP TABLE ledger_items;");
        await ScalarAsync(path, "DELETE FROM schema_version WHERE version >= 5;");
        foreach (var statement in UndoStepsFromOrganisation)
        {
            await ScalarAsync(path, statement);
        }

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.Empty(await stores.Ledger.ListAsync(null, CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_database_without_the_contact_step_gets_the_contact_tables_when_opened()
    {
        var path = Path.Combine(folder, "before-contacts.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await ScalarAsync(path, "DROP TABLE contact_visits; DROP TABLE contact_assignments;");
        await ScalarAsync(path, "DELETE FROM schema_version WHERE version >= 8;");
        foreach (var statement in UndoStepsFromOrganisation)
        {
            await ScalarAsync(path, statement);
        }

        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.Empty(await stores.Contacts.ListVisitsAsync(null, CancellationToken.None));
        Assert.Empty(await stores.Contacts.ListChangesAsync(CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_database_without_the_life_meeting_step_gets_its_tables_when_opened_and_keeps_its_ledger()
    {
        var path = Path.Combine(folder, "before-meetings.db");
        var first = await SqliteStores.OpenAsync(path, CancellationToken.None);
        await first.Ledger.AppendAsync(new Core.Features.Ledger.LedgerEntry("L000001", 1, DateTimeOffset.UnixEpoch, "telegram:1", "建立"), CancellationToken.None);
        await ScalarAsync(path, "DROP TABLE life_meetings; DROP TABLE life_meeting_talks;");
        await ScalarAsync(path, "DELETE FROM schema_version WHERE version >= 6;");
        foreach (var statement in UndoStepsFromOrganisation)
        {
            await ScalarAsync(path, statement);
        }

        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.Empty(await stores.LifeMeetings.ListAsync(null, CancellationToken.None));
        Assert.Single(await stores.Ledger.HistoryAsync("L000001", CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_database_without_the_inspection_step_gets_its_tables_when_opened()
    {
        var path = Path.Combine(folder, "before-inspections.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await ScalarAsync(path, "DROP TABLE inspections; DROP TABLE handling_decisions;");
        await ScalarAsync(path, "DELETE FROM schema_version WHERE version >= 7;");
        foreach (var statement in UndoStepsFromOrganisation)
        {
            await ScalarAsync(path, statement);
        }

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.Empty(await stores.Inspections.ListAsync(CancellationToken.None));
        Assert.Empty(await stores.Inspections.ListDecisionsAsync(null, CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_version_8_file_gains_the_organisation_columns_and_tables_and_keeps_its_people()
    {
        var path = Path.Combine(folder, "v8.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        foreach (var statement in (string[])
        [
            "DELETE FROM schema_version WHERE version >= 9;",
            .. UndoStepsFromOrganisation,
            "INSERT INTO members (id, channel, user_id, name, rank, unit_id, role, language_code, registered_at, deactivated_at) VALUES ('wecom:zs', 'wecom', 'zs', '张三', 'ordinary', 'u', 'member', NULL, 0, 5);",
            "INSERT INTO invites (code, unit_id, role, max_uses, expires_at, created_at, rank, max_rank, revoked_at) VALUES ('CAP1', 'u', 'member', 3, NULL, 0, NULL, 'section', NULL);",
        ])
        {
            await ScalarAsync(path, statement);
        }

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        var member = (await stores.Members.GetAsync("wecom:zs", CancellationToken.None))!;
        var invite = (await stores.Invites.GetAsync("CAP1", CancellationToken.None))!;
        Assert.Equal(("张三", false, (string?)null), (member.Name, member.IsActive, member.HostUnitId));
        Assert.Equal(("section", (string?)null), (invite.MaxRank, invite.Name));
        Assert.Empty(await stores.Units.ListAsync(CancellationToken.None));
        Assert.Empty(await stores.Roster.ListAsync(null, CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_version_9_file_gains_the_session_timeout_columns_and_keeps_its_sessions_with_no_timeout_due()
    {
        var path = Path.Combine(folder, "v9.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        foreach (var statement in (string[])
        [
            "DELETE FROM schema_version WHERE version >= 10;",
            .. UndoStepsFromFlowTimeouts,
            "INSERT INTO sessions (key, version, flow, state, prompt_token, data, recent_updates, updated_at, pending_effects) VALUES ('telegram:1:1', 3, 'registration', 'AskingName', 'p9', '{}', '[]', 0, NULL);",
        ])
        {
            await ScalarAsync(path, statement);
        }

        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        var session = (await stores.Sessions.GetAsync("telegram:1:1", CancellationToken.None))!;
        Assert.Equal((3L, "p9", (DateTimeOffset?)null), (session.Version, session.PromptToken, session.TimeoutAt));
        Assert.Empty(await stores.Sessions.DueTimeoutsAsync(DateTimeOffset.MaxValue, 10, CancellationToken.None));
        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task The_flow_timeout_sweep_reads_the_sessions_on_their_timeout_index()
    {
        var path = Path.Combine(folder, "plan.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);

        var plan = await ScalarAsync(path, "EXPLAIN QUERY PLAN SELECT key FROM sessions WHERE timeout_at IS NOT NULL AND timeout_at <= 5 AND prompt_token IS NOT NULL AND timeout_to IS NOT NULL ORDER BY timeout_at LIMIT 10;", column: 3);

        Assert.Contains("ix_sessions_timeout", (string)plan!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_version_10_file_with_rounds_gains_the_open_stage_index_and_keeps_its_rounds()
    {
        var path = Path.Combine(folder, "v10.db");
        var before = await SqliteStores.OpenAsync(path, CancellationToken.None);
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("20000001", "county_east", "style_status", RoundsOpenAt), CancellationToken.None);
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("20000002", "county_east", "problems_found", RoundsOpenAt), CancellationToken.None);
        await before.EvaluationRounds.TryCloseAsync("20000002", Failed, CancellationToken.None);
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("20000003", "county_west", "style_status", RoundsOpenAt), CancellationToken.None);
        foreach (var statement in (string[])["DELETE FROM schema_version WHERE version >= 11;", .. UndoOpenStageStep])
        {
            await ScalarAsync(path, statement);
        }

        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal("20000001=style_status 20000002=problems_found 20000003=style_status", await StagesAsync(path));
        Assert.Equal(
            [("20000001", RoundStatus.Open), ("20000002", RoundStatus.Closed), ("20000003", RoundStatus.Open)],
            (await stores.EvaluationRounds.ListAsync(null, CancellationToken.None)).Select(r => (r.Id, r.Status)));
        Assert.Equal(RoundCreation.StageOpen, await stores.EvaluationRounds.CreateAsync(ContractData.RosterRound("20000004", "county_east", "style_status", RoundsOpenAt.AddDays(1)), CancellationToken.None));
        Assert.Equal(RoundCreation.Created, await stores.EvaluationRounds.CreateAsync(ContractData.RosterRound("20000005", "county_east", "problems_found", RoundsOpenAt.AddDays(1)), CancellationToken.None));
    }

    [Fact]
    public async Task A_version_10_file_with_two_open_rounds_of_one_stage_migrates_and_keeps_them_open_with_the_earliest_holding_the_stage()
    {
        var path = Path.Combine(folder, "v10-twice.db");
        var before = await SqliteStores.OpenAsync(path, CancellationToken.None);

        // Three rounds of one unit, open at once; the old check let the later two in beside the first (made here as
        // other stages, then given the first's stage in their bodies once the index is gone).
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("2100000c", "county_east", "style_status", RoundsOpenAt), CancellationToken.None);
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("2100000a", "county_east", "problems_found", RoundsOpenAt.AddMinutes(1)), CancellationToken.None);
        await before.EvaluationRounds.CreateAsync(ContractData.RosterRound("2100000b", "county_east", "rectification", RoundsOpenAt.AddMinutes(1)), CancellationToken.None);
        foreach (var statement in (string[])
        [
            "DELETE FROM schema_version WHERE version >= 11;",
            .. UndoOpenStageStep,
            "UPDATE evaluation_rounds SET body = json_set(body, '$.stage', 'style_status');",
        ])
        {
            await ScalarAsync(path, statement);
        }

        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);
        var rounds = stores.EvaluationRounds;

        Assert.Equal((long)SqliteSchema.CurrentVersion, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal("2100000a= 2100000b= 2100000c=style_status", await StagesAsync(path));
        Assert.All(await rounds.ListAsync("county_east", CancellationToken.None), r => Assert.Equal(("style_status", RoundStatus.Open), (r.Stage, r.Status)));
        Assert.Equal(RoundCreation.StageOpen, await rounds.CreateAsync(ContractData.RosterRound("21000001", "county_east", "style_status", RoundsOpenAt.AddDays(1)), CancellationToken.None));

        // A later one closes as usual and gets its stage back; the earliest still holds the stage.
        Assert.True(await rounds.TryCloseAsync("2100000a", Failed, CancellationToken.None));
        Assert.Equal("2100000a=style_status 2100000b= 2100000c=style_status", await StagesAsync(path));
        Assert.Equal(RoundCreation.StageOpen, await rounds.CreateAsync(ContractData.RosterRound("21000002", "county_east", "style_status", RoundsOpenAt.AddDays(1)), CancellationToken.None));

        // Once all are closed, the make-up round opens.
        Assert.True(await rounds.TryCloseAsync("2100000b", Failed, CancellationToken.None));
        Assert.True(await rounds.TryCloseAsync("2100000c", Failed, CancellationToken.None));
        Assert.Equal(RoundCreation.Created, await rounds.CreateAsync(ContractData.RosterRound("21000003", "county_east", "style_status", RoundsOpenAt.AddDays(2)), CancellationToken.None));
    }

    private static readonly DateTimeOffset RoundsOpenAt = new(2027, 3, 1, 1, 0, 0, TimeSpan.Zero);

    private static readonly RoundResult Failed = new(new Dictionary<string, long> { ["unsatisfied"] = 5 }, 5, 0, false, RoundsOpenAt.AddDays(1));

    /// <summary>Each round's stage column, "id=stage" by id (empty where it is NULL).</summary>
    private static async Task<string> StagesAsync(string path) =>
        (string)(await ScalarAsync(path, "SELECT group_concat(id || '=' || COALESCE(stage, ''), ' ') FROM (SELECT id, stage FROM evaluation_rounds ORDER BY id);"))!;

    /// <summary>What schema step 11 (one open round per unit and stage) added, taken away again.</summary>
    private static readonly string[] UndoOpenStageStep =
    [
        "DROP INDEX ux_evaluation_rounds_open_stage;",
        "ALTER TABLE evaluation_rounds DROP COLUMN stage;",
    ];

    /// <summary>Steps 11 and 10 taken away, for a test that rebuilds a file from before step 10.</summary>
    private static IReadOnlyList<string> UndoStepsFromFlowTimeouts => [.. UndoOpenStageStep, .. UndoFlowTimeoutStep];

    /// <summary>What schema step 10 (flow timeouts in the session row) added, taken away again.</summary>
    private static readonly string[] UndoFlowTimeoutStep =
    [
        "DROP INDEX ix_sessions_timeout;",
        "ALTER TABLE sessions DROP COLUMN timeout_at;",
        "ALTER TABLE sessions DROP COLUMN timeout_to;",
    ];

    /// <summary>Steps 11 to 9 taken away, for a test that rebuilds a file from before step 9.</summary>
    private static IReadOnlyList<string> UndoStepsFromOrganisation => [.. UndoStepsFromFlowTimeouts, .. UndoOrganisationStep];

    /// <summary>What schema step 9 (units and members from the organisation's lists) added, taken away again.</summary>
    private static readonly string[] UndoOrganisationStep =
    [
        "DROP INDEX ix_members_host_unit;",
        "ALTER TABLE invites DROP COLUMN name;",
        "ALTER TABLE members DROP COLUMN host_unit_id;",
        "DROP TABLE org_units;",
        "DROP TABLE org_roster;",
    ];

    [Fact]
    public async Task A_file_from_a_newer_build_is_refused_with_a_clear_error()
    {
        var path = Path.Combine(folder, "newer.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        await ScalarAsync(path, "INSERT INTO schema_version (version, applied_at) VALUES (99, 0);");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteStores.OpenAsync(path, CancellationToken.None));

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_document_table_the_stores_open_is_in_the_schema_once()
    {
        var path = Path.Combine(folder, "campaignbot.db");
        var opened = new List<string>();

        var (_, database) = await SqliteStores.OpenWithDatabaseAsync(path, CancellationToken.None);
        var documents = new Core.Storage.DocumentStores(name =>
        {
            opened.Add(name);
            return new SqliteDocuments(database, name);
        });

        Assert.Equal(opened, documents.Tables);
        Assert.Equal(opened.Count, opened.Distinct(StringComparer.Ordinal).Count());
        foreach (var table in documents.Tables)
        {
            Assert.Equal(1L, await ScalarAsync(path, $"SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}';"));
        }
    }

    [Fact]
    public async Task An_empty_path_is_refused_with_a_clear_error()
    {
        await Assert.ThrowsAnyAsync<ArgumentException>(() => SqliteStores.OpenAsync(" ", CancellationToken.None));
    }

    [Fact]
    public async Task A_file_that_is_not_a_database_is_refused_with_an_error_naming_it()
    {
        var path = Path.Combine(folder, "garbage.db");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(path, new string('x', 4096));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SqliteStores.OpenAsync(path, CancellationToken.None));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.IsType<SqliteException>(error.InnerException);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<object?> ScalarAsync(string path, string sql, int column = 0)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (column == 0)
        {
            return await command.ExecuteScalarAsync();
        }

        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() ? reader.GetValue(column) : null;
    }
}
