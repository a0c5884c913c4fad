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

        Assert.Equal(3L, await ScalarAsync(path, "SELECT COUNT(*) FROM schema_version;"));
        Assert.Equal(3L, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
    }

    [Fact]
    public async Task A_file_of_schema_version_1_is_upgraded_and_its_fixed_interval_jobs_read_as_calendar_rules()
    {
        var path = Path.Combine(folder, "v1.db");
        await SqliteStores.OpenAsync(path, CancellationToken.None);
        var due = new DateTimeOffset(2027, 1, 31, 2, 0, 0, TimeSpan.Zero);
        await ScalarAsync(path, $"""
            ALTER TABLE jobs DROP COLUMN recurrence;
            ALTER TABLE job_firings DROP COLUMN effects;
            DROP INDEX ix_members_host_unit;
            ALTER TABLE invites DROP COLUMN name;
            ALTER TABLE invites DROP COLUMN rank;
            ALTER TABLE members DROP COLUMN host_unit_id;
            ALTER TABLE members DROP COLUMN deactivated_at;
            DROP TABLE org_units;
            DROP TABLE org_roster;
            DELETE FROM schema_version WHERE version >= 2;
            INSERT INTO jobs (id, kind, payload, due_at, interval_ticks) VALUES ('pledge-checkin:telegram:1', 'pledge-checkin', 'legacy', {due.UtcTicks}, {TimeSpan.FromDays(30).Ticks});
            """);
        SqliteConnection.ClearAllPools();

        var stores = await SqliteStores.OpenAsync(path, CancellationToken.None);
        var job = (await stores.Jobs.GetAsync("pledge-checkin:telegram:1", CancellationToken.None))!;

        Assert.Equal(3L, await ScalarAsync(path, "SELECT MAX(version) FROM schema_version;"));
        Assert.Equal(new DateTimeOffset(2027, 2, 28, 2, 0, 0, TimeSpan.Zero), job.NextDueAfter(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")));
        Assert.True(await stores.Jobs.TryRecordFiringAsync(new Core.Storage.JobFiring(job.Id, due, "n1", due, null) { Effects = "{}" }, CancellationToken.None));
        Assert.Equal("{}", (await stores.Jobs.GetFiringAsync(job.Id, due, CancellationToken.None))!.Effects);
    }

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

    private static async Task<object?> ScalarAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
