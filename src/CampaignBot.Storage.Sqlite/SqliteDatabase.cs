using Microsoft.Data.Sqlite;

namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// Opens pooled connections to the one database file. Each store operation takes its own connection,
/// so the stores are safe to use from many threads at once; SQLite serialises the writes.
/// </summary>
internal sealed class SqliteDatabase(string connectionString)
{
    /// <summary>How long a writer waits for another writer's lock before SQLite reports "busy".</summary>
    public const int BusyTimeoutMilliseconds = 15_000;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = NORMAL;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>BEGIN IMMEDIATE: takes the write lock up front, so a read-then-write step cannot interleave with another writer.</summary>
    public static SqliteTransaction BeginWrite(SqliteConnection connection) => connection.BeginTransaction(deferred: false);

    public static SqliteCommand Command(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command.Parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, sql);
        bind(command.Parameters);
        return await ReadAllAsync(command, read, cancellationToken);
    }

    public async Task<T?> QuerySingleAsync<T>(
        string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
        where T : class
    {
        var rows = await QueryAsync(sql, bind, read, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>How many rows of <paramref name="table"/> have this status (the inbox's and the outbox's counts).</summary>
    public async Task<long> CountByStatusAsync<TStatus>(string table, TStatus status, CancellationToken cancellationToken)
        where TStatus : struct, Enum
    {
        var counts = await QueryAsync($"SELECT COUNT(*) FROM {table} WHERE status = @status;", p => p.Set("@status", status), r => r.GetInt64(0), cancellationToken);
        return counts[0];
    }

    public static async Task<IReadOnlyList<T>> ReadAllAsync<T>(SqliteCommand command, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    public static void NoParameters(SqliteParameterCollection parameters)
    {
    }
}
