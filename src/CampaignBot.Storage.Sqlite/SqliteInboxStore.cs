namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteInboxStore(SqliteDatabase database) : IInboxStore
{
    private const string Columns =
        "id, conversation_key, sequence, payload, received_at, status, attempts, lease_owner, lease_until, error";

    public async Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken) =>
        (await AddManyAsync([item], cancellationToken))[0];

    public Task<IReadOnlyList<bool>> AddManyAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            ArgumentNullException.ThrowIfNull(item, nameof(items));
            ArgumentException.ThrowIfNullOrWhiteSpace(item.Id, nameof(items));
        }

        return database.WriteAsync<IReadOnlyList<bool>>(
            async (write, token) =>
            {
                var added = new bool[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    var insert = write.Command(
                        $"""
                        INSERT INTO inbox ({Columns})
                        VALUES (@id, @key, @sequence, @payload, @received, @status, @attempts, @owner, @until, @error)
                        ON CONFLICT (id) DO NOTHING;
                        """);
                    insert.Parameters.Set("@id", item.Id).Set("@key", item.ConversationKey).Set("@sequence", item.Sequence)
                        .Set("@payload", item.Payload).Set("@received", item.ReceivedAt).Set("@status", item.Status)
                        .Set("@attempts", item.Attempts).Set("@owner", item.LeaseOwner).Set("@until", item.LeaseUntil)
                        .Set("@error", item.Error);
                    added[i] = await insert.ExecuteNonQueryAsync(token) == 1;
                }

                return added;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<InboxItem>> ClaimPendingAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claimed = await database.ClaimAsync(
            $"""
            UPDATE inbox SET lease_owner = @owner, lease_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT id FROM inbox WHERE status = @pending AND {SqliteValues.LeaseFree}
                ORDER BY received_at, sequence, id LIMIT @max)
            RETURNING {Columns};
            """,
            InboxStatus.Pending, owner, now, lease, max, SqliteRows.Read<InboxItem>, cancellationToken);

        // RETURNING gives no order; oldest first is the contract.
        return [.. claimed.OrderBy(i => i.ReceivedAt).ThenBy(i => i.Sequence).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    public async Task CompleteAsync(string id, InboxStatus status, string? error, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        await database.ExecuteAsync(CompleteSql, p => p.Set("@id", id).Set("@status", status).Set("@error", error), cancellationToken);
    }

    internal const string CompleteSql = "UPDATE inbox SET status = @status, error = @error, lease_owner = NULL, lease_until = NULL WHERE id = @id;";

    public async Task RedactAsync(string id, string payload, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(payload);
        await database.ExecuteAsync(RedactSql, p => p.Set("@id", id).Set("@payload", payload), cancellationToken);
    }

    internal const string RedactSql = "UPDATE inbox SET payload = @payload WHERE id = @id;";

    public Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM inbox WHERE id = @id;", p => p.Set("@id", id), SqliteRows.Read<InboxItem>, cancellationToken);
    }

    public async Task<long> PruneHandledAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM inbox WHERE status = @handled AND received_at < @before;",
            p => p.Set("@handled", InboxStatus.Handled).Set("@before", before),
            cancellationToken);

    public Task<long> CountAsync(InboxStatus status, CancellationToken cancellationToken) =>
        database.CountByStatusAsync("inbox", status, cancellationToken);
}
