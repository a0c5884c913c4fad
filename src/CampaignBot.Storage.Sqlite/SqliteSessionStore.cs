using System.Text.Json;

namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteSessionStore(SqliteDatabase database) : ISessionStore
{
    private const string Columns = "key, version, flow, state, prompt_token, data, recent_updates, updated_at, pending_effects, timeout_at, timeout_to";

    public Task<Session?> GetAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return database.QuerySingleAsync($"SELECT {Columns} FROM sessions WHERE key = @key;", p => p.Set("@key", key), Read, cancellationToken);
    }

    public async Task<bool> TrySaveAsync(Session session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrWhiteSpace(session.Key, nameof(session));
        ArgumentOutOfRangeException.ThrowIfNegative(session.Version, nameof(session));

        if (await database.WriteAsync((write, token) => SaveAsync(write, session, token), cancellationToken) != 1)
        {
            return false;
        }

        session.Version++;
        return true;
    }

    /// <summary>Writes the session in the writer's current unit; 1 when saved, 0 on a version conflict (the version is not advanced here).</summary>
    internal static Task<int> SaveAsync(SqliteWrite write, Session session, CancellationToken cancellationToken)
    {
        // Version 0 inserts (a rival insert makes it a conflict); otherwise the update is filtered on the version read.
        var sql = session.Version == 0
            ? $"""
              INSERT INTO sessions ({Columns})
              VALUES (@key, 1, @flow, @state, @prompt, @data, @recent, @updated, @effects, @timeout, @timeoutTo)
              ON CONFLICT (key) DO NOTHING;
              """
            : """
              UPDATE sessions SET version = version + 1, flow = @flow, state = @state, prompt_token = @prompt,
                  data = @data, recent_updates = @recent, updated_at = @updated, pending_effects = @effects,
                  timeout_at = @timeout, timeout_to = @timeoutTo
              WHERE key = @key AND version = @version;
              """;
        var command = write.Command(sql);
        command.Parameters.Set("@key", session.Key).Set("@version", session.Version).Set("@flow", session.Flow)
                .Set("@state", session.State).Set("@prompt", session.PromptToken)
                .Set("@data", JsonSerializer.Serialize(session.Data, MessageJson.Options))
                .Set("@recent", JsonSerializer.Serialize(session.RecentUpdates, MessageJson.Options))
            .Set("@updated", session.UpdatedAt).Set("@effects", session.PendingEffects)
            .Set("@timeout", session.TimeoutAt)
            .Set("@timeoutTo", session.TimeoutTo is { } to ? JsonSerializer.Serialize(to, MessageJson.Options) : null);
        return command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM sessions ORDER BY key;", SqliteDatabase.NoParameters, Read, cancellationToken);

    public Task<IReadOnlyList<DueFlowTimeout>> DueTimeoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        return database.QueryAsync(
            """
            SELECT key, prompt_token, timeout_at, timeout_to FROM sessions
            WHERE timeout_at IS NOT NULL AND timeout_at <= @now AND prompt_token IS NOT NULL AND timeout_to IS NOT NULL
            ORDER BY timeout_at LIMIT @max;
            """,
            p => p.Set("@now", now).Set("@max", max),
            r => new DueFlowTimeout(r.GetString(0), r.GetString(1), r.Time(2), Target(r.GetString(3))),
            cancellationToken);
    }

    private static FlowTimeoutTarget Target(string json) =>
        JsonSerializer.Deserialize<FlowTimeoutTarget>(json, MessageJson.Options)
            ?? throw new InvalidDataException("A session's timeout target is empty.");

    private static Session Read(SqliteDataReader r) => new()
    {
        Key = r.GetString(0),
        Version = r.GetInt64(1),
        Flow = r.TextOrNull(2),
        State = r.TextOrNull(3),
        PromptToken = r.TextOrNull(4),
        Data = new Dictionary<string, string>(
            JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(5)) ?? [], StringComparer.Ordinal),
        RecentUpdates = JsonSerializer.Deserialize<List<string>>(r.GetString(6)) ?? [],
        UpdatedAt = r.Time(7),
        PendingEffects = r.TextOrNull(8),
        TimeoutAt = r.TimeOrNull(9),
        TimeoutTo = r.TextOrNull(10) is { } to ? Target(to) : null,
    };
}
