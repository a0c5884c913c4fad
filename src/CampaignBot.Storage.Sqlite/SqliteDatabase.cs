using System.Collections.Concurrent;
using CampaignBot.Core.Pipeline;

namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// The one database file: one writer connection fed by a queue, and a few reader connections.
/// <para>
/// Every write is a unit of work queued for the writer. The writer takes what has queued up (a group), runs each
/// unit in its own savepoint inside one transaction, commits, and only then completes the units' tasks: a caller
/// that sees its write complete knows it is committed (group commit). A unit that fails rolls back to its savepoint
/// and fails alone; if the commit fails, no unit of the group is acknowledged. Readers see committed data only (WAL).
/// </para>
/// Each physical connection runs its PRAGMAs once and keeps its prepared commands.
/// </summary>
internal sealed class SqliteDatabase(string connectionString)
{
    /// <summary>How long a writer waits for another process's write lock before SQLite reports "busy".</summary>
    public const int BusyTimeoutMilliseconds = 15_000;

    /// <summary>At most this many units of work share one transaction.</summary>
    public const int MaxGroup = 512;

    private const int MaxIdleReaders = 8;

    /// <summary>
    /// The writer's queue, guarded by its own monitor: a producer pulses the waiting writer thread directly. (A channel's
    /// async wait would wake it through a thread-pool work item, i.e. behind the pool's queue.)
    /// </summary>
    private readonly Queue<WriteRequest> _writes = new();
    private readonly object _writesGate = new();
    private bool _writesClosed;
    private readonly ConcurrentBag<PreparedConnection> _readers = [];
    private readonly Lock _startLock = new();
    private Thread? _writer;

    /// <summary>
    /// Test hook: called before each group's COMMIT with the group's size. Throwing <see cref="WriterCrashedException"/>
    /// simulates the process dying there: the transaction is never committed and the database takes no more writes.
    /// </summary>
    internal Action<int>? BeforeCommit { get; set; }

    /// <summary>How many groups the writer has committed (for tests and benchmarks).</summary>
    internal long CommittedGroups => Interlocked.Read(ref _committedGroups);

    private long _committedGroups;

    /// <summary>Opens a connection of its own (the schema step at start-up, tools); the caller disposes it.</summary>
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

    /// <summary>Queues a unit of work for the writer; completes once the group holding it is committed.</summary>
    public Task<T> WriteAsync<T>(Func<SqliteWrite, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        cancellationToken.ThrowIfCancellationRequested();
        EnsureWriter();
        var request = new WriteRequest<T>(work, cancellationToken);
        lock (_writesGate)
        {
            if (_writesClosed)
            {
                throw new ObjectDisposedException(nameof(SqliteDatabase));
            }

            _writes.Enqueue(request);
            Monitor.Pulse(_writesGate);
        }

        return request.Task;
    }

    /// <summary>One statement as a unit of work; returns the rows it changed.</summary>
    public Task<int> ExecuteAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        WriteAsync(
            (write, token) =>
            {
                var command = write.Command(sql);
                bind(command.Parameters);
                return command.ExecuteNonQueryAsync(token);
            },
            cancellationToken);

    /// <summary>One statement as a unit of work; true when it changed exactly one row (an insert not refused, an update that matched).</summary>
    public async Task<bool> ChangesOneAsync(string sql, Action<SqliteParameterCollection> bind, CancellationToken cancellationToken) =>
        await ExecuteAsync(sql, bind, cancellationToken) == 1;

    /// <summary>
    /// Leases up to <paramref name="max"/> free rows to <paramref name="owner"/> with one <c>UPDATE … RETURNING</c> (the
    /// inbox's and the outbox's claim): <paramref name="sql"/> binds @owner, @until, @now, @pending and @max.
    /// </summary>
    public Task<IReadOnlyList<T>> ClaimAsync<T>(
        string sql, Enum pending, string owner, DateTimeOffset now, TimeSpan lease, int max, Func<SqliteDataReader, T> read, CancellationToken cancellationToken)
    {
        SqliteValues.RequireOwner(owner);
        SqliteValues.RequireClaim(lease, max);
        return WriteAsync(
            (write, token) =>
            {
                var claim = write.Command(sql);
                claim.Parameters.Set("@owner", owner).Set("@until", now + lease).Set("@now", now).Set("@pending", pending).Set("@max", max);
                return ReadAllAsync(claim, read, token);
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="read"/> on a reader connection (committed data only).</summary>
    public async Task<T> ReadAsync<T>(Func<PreparedConnection, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
    {
        if (!_readers.TryTake(out var reader))
        {
            reader = new PreparedConnection(await OpenAsync(cancellationToken));
        }

        var healthy = false;
        try
        {
            var result = await read(reader, cancellationToken);
            healthy = true;
            return result;
        }
        finally
        {
            if (healthy && _readers.Count < MaxIdleReaders)
            {
                _readers.Add(reader);
            }
            else
            {
                await reader.DisposeAsync();
            }
        }
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Action<SqliteParameterCollection> bind, Func<SqliteDataReader, T> read, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, token) =>
            {
                var command = connection.Command(sql, null);
                bind(command.Parameters);
                return ReadAllAsync(command, read, token);
            },
            cancellationToken);

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

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_startLock)
        {
            if (_writer is null)
            {
                // A thread of its own, not the thread pool's. On a pool thread the continuations of the callers it
                // acknowledges are queued on that thread's local queue, and the writer keeps the thread busy with the
                // next groups, so every acknowledgement waited until it went idle or was stolen (tens of ms under load);
                // from here they go to the pool's shared queue. Its synchronous SQLite calls take no pool thread either.
                _writer = new Thread(WriteLoop) { IsBackground = true, Name = "sqlite-writer" };
                _writer.Start();
            }
        }
    }

    /// <summary>True when a unit of work runs on the writer's own thread (tests).</summary>
    internal bool IsWriterThread => Thread.CurrentThread == _writer;

    /// <summary>
    /// The writer's loop, on its own thread: it waits for work by blocking that thread (not by handing a continuation to
    /// the pool) and runs each group to its end before taking the next. Microsoft.Data.Sqlite completes its async calls
    /// synchronously, so a group runs on this thread from BEGIN to COMMIT.
    /// </summary>
    private void WriteLoop()
    {
        PreparedConnection? connection = null;
        var group = new List<WriteRequest>(MaxGroup);
        while (true)
        {
            group.Clear();
            lock (_writesGate)
            {
                while (_writes.Count == 0)
                {
                    Monitor.Wait(_writesGate);
                }

                while (group.Count < MaxGroup && _writes.TryDequeue(out var request))
                {
                    group.Add(request);
                }
            }

            (connection, var crashed) = RunAsync(connection, group).GetAwaiter().GetResult();
            if (crashed)
            {
                return;
            }
        }
    }

    /// <summary>Runs one group; returns the connection to go on with and whether the writer died (the test hook).</summary>
    private async Task<(PreparedConnection? Connection, bool Crashed)> RunAsync(PreparedConnection? connection, List<WriteRequest> group)
    {
        try
        {
            connection ??= new PreparedConnection(await OpenAsync(CancellationToken.None));
            if (!await RunGroupAsync(connection, group))
            {
                // The group could not commit: each unit goes again alone, so one bad unit cannot sink the others.
                foreach (var request in group.Where(r => !r.IsCompleted))
                {
                    await RunGroupAsync(connection, [request]);
                }
            }

            return (connection, false);
        }
        catch (WriterCrashedException crash)
        {
            // The test hook's "process died before COMMIT": nothing of the group, nothing queued, nothing later.
            List<WriteRequest> queued;
            lock (_writesGate)
            {
                _writesClosed = true;
                queued = [.. _writes];
                _writes.Clear();
            }

            foreach (var request in group.Concat(queued))
            {
                request.Fail(crash);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            return (null, true);
        }
#pragma warning disable CA1031 // The writer must not die: every failure is handed to the units that were waiting.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            foreach (var request in group)
            {
                request.Fail(ex);
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            return (null, false);
        }
    }

    /// <summary>Runs a group in one transaction; false when the transaction itself failed and nothing was committed.</summary>
    private async Task<bool> RunGroupAsync(PreparedConnection connection, List<WriteRequest> group)
    {
        var pending = group.Where(r => !r.IsCompleted).ToList();
        foreach (var request in pending.Where(r => r.Token.IsCancellationRequested))
        {
            request.Cancel();
        }

        pending.RemoveAll(r => r.IsCompleted);
        if (pending.Count == 0)
        {
            return true;
        }

        var traceStart = StageTrace.Enabled ? StageTrace.Now : 0;
        var traceCommit = 0.0;
        var transaction = BeginWrite(connection.Connection);
        var write = new SqliteWrite(connection, transaction);
        var ran = new List<WriteRequest>(pending.Count);
        try
        {
            foreach (var request in pending)
            {
                if (pending.Count > 1)
                {
                    await write.Command("SAVEPOINT unit;").ExecuteNonQueryAsync(CancellationToken.None);
                }

                try
                {
                    await request.RunAsync(write);
                    if (pending.Count > 1)
                    {
                        await write.Command("RELEASE unit;").ExecuteNonQueryAsync(CancellationToken.None);
                    }

                    ran.Add(request);
                }
#pragma warning disable CA1031 // A unit's failure is its caller's: it is rolled back and handed over.
                catch (Exception ex) when (pending.Count > 1 && !connection.Connection.State.Equals(System.Data.ConnectionState.Closed))
#pragma warning restore CA1031
                {
                    await write.Command("ROLLBACK TO unit;").ExecuteNonQueryAsync(CancellationToken.None);
                    await write.Command("RELEASE unit;").ExecuteNonQueryAsync(CancellationToken.None);
                    request.Fail(ex);
                }
            }

            BeforeCommit?.Invoke(ran.Count);
            traceCommit = StageTrace.Enabled ? StageTrace.Now : 0;
            await transaction.CommitAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // Nothing of the group is acknowledged; the caller decides what runs again.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            await SafeRollbackAsync(transaction);
            if (ex is WriterCrashedException)
            {
                throw;
            }

            if (pending.Count == 1)
            {
                pending[0].Fail(ex);
                return true;
            }

            foreach (var request in ran)
            {
                request.Reset();
            }

            return false;
        }
        finally
        {
            await transaction.DisposeAsync();
        }

        Interlocked.Increment(ref _committedGroups);
        if (StageTrace.Enabled)
        {
            var done = StageTrace.Now;
            StageTrace.Mark("w-wait", ran.Count.ToString(CultureInfo.InvariantCulture), traceStart - ran.Min(r => r.QueuedAt));
            StageTrace.Mark("w-run", ran.Count.ToString(CultureInfo.InvariantCulture), traceCommit - traceStart);
            StageTrace.Mark("w-commit", ran.Count.ToString(CultureInfo.InvariantCulture), done - traceCommit);
        }

        foreach (var request in ran)
        {
            request.Complete();
        }

        return true;
    }

    private static async Task SafeRollbackAsync(SqliteTransaction transaction)
    {
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
#pragma warning disable CA1031 // SQLite may have rolled back already (an I/O error does); nothing more to undo.
        catch (Exception)
#pragma warning restore CA1031
        {
        }
    }

    private abstract class WriteRequest(CancellationToken token)
    {
        public CancellationToken Token { get; } = token;

        public double QueuedAt { get; } = StageTrace.Enabled ? StageTrace.Now : 0;

        public abstract bool IsCompleted { get; }

        public abstract Task RunAsync(SqliteWrite write);

        /// <summary>The unit ran, but its group did not commit: forget the result, it runs again.</summary>
        public abstract void Reset();

        public abstract void Complete();

        public abstract void Fail(Exception exception);

        public abstract void Cancel();
    }

    private sealed class WriteRequest<T>(Func<SqliteWrite, CancellationToken, Task<T>> work, CancellationToken token) : WriteRequest(token)
    {
        private readonly TaskCompletionSource<T> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T? _result;

        public Task<T> Task => _completion.Task;

        public override bool IsCompleted => _completion.Task.IsCompleted;

        public override async Task RunAsync(SqliteWrite write) => _result = await work(write, Token);

        public override void Reset() => _result = default;

        public override void Complete() => _completion.TrySetResult(_result!);

        public override void Fail(Exception exception)
        {
            if (exception is OperationCanceledException && Token.IsCancellationRequested)
            {
                _completion.TrySetCanceled(Token);
            }
            else
            {
                _completion.TrySetException(exception);
            }
        }

        public override void Cancel() => _completion.TrySetCanceled(Token);
    }
}

/// <summary>A physical connection with its PRAGMAs applied once and its commands prepared once.</summary>
internal sealed class PreparedConnection(SqliteConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection { get; } = connection;

    /// <summary>The prepared command for <paramref name="sql"/>, parameters cleared; the connection owns it (do not dispose).</summary>
    public SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        command.Transaction = transaction;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        _commands.Clear();
        await Connection.DisposeAsync();
    }
}

/// <summary>What a unit of work writes through: the writer's connection inside the group's transaction.</summary>
internal sealed class SqliteWrite(PreparedConnection connection, SqliteTransaction transaction)
{
    public SqliteConnection Connection => connection.Connection;

    public SqliteTransaction Transaction => transaction;

    /// <summary>A prepared command in the group's transaction (do not dispose it).</summary>
    public SqliteCommand Command(string sql) => connection.Command(sql, transaction);
}

/// <summary>Thrown by a test's <see cref="SqliteDatabase.BeforeCommit"/> hook: the writer dies as a killed process would.</summary>
internal sealed class WriterCrashedException : Exception
{
    public WriterCrashedException()
        : base("The writer died before the group's COMMIT.")
    {
    }

    public WriterCrashedException(string message)
        : base(message)
    {
    }

    public WriterCrashedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
