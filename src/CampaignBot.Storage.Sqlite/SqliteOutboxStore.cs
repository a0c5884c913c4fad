namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteOutboxStore(SqliteDatabase database) : IOutboxStore
{
    private const string Columns =
        "id, channel, chat_id, chat_kind, chat_title, body, created_at, next_attempt_at, status, attempts, " +
        "lease_owner, lease_until, external_message_id, sent_at, last_error";

    public async Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        foreach (var message in messages)
        {
            ArgumentNullException.ThrowIfNull(message, nameof(messages));
            ArgumentException.ThrowIfNullOrWhiteSpace(message.Id, nameof(messages));
            ArgumentNullException.ThrowIfNull(message.Chat, nameof(messages));
        }

        if (messages.Count == 0)
        {
            return;
        }

        await database.WriteAsync((write, token) => InsertAsync(write, messages, token), cancellationToken);
    }

    /// <summary>Inserts the messages in the writer's current unit (an update's transaction uses it too).</summary>
    internal static async Task<int> InsertAsync(SqliteWrite write, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var m in messages)
        {
            var insert = write.Command(
                $"""
                INSERT INTO outbox ({Columns})
                VALUES (@id, @channel, @chat, @kind, @title, @body, @created, @next, @status, @attempts,
                        @owner, @until, @external, @sent, @error)
                ON CONFLICT (id) DO NOTHING;
                """);
            insert.Parameters.Set("@id", m.Id).Set("@channel", m.Chat.Channel).Set("@chat", m.Chat.Id)
                .Set("@kind", m.Chat.Kind).Set("@title", m.Chat.Title).Set("@body", m.Body).Set("@created", m.CreatedAt)
                .Set("@next", m.NextAttemptAt).Set("@status", m.Status).Set("@attempts", m.Attempts)
                .Set("@owner", m.LeaseOwner).Set("@until", m.LeaseUntil).Set("@external", m.ExternalMessageId)
                .Set("@sent", m.SentAt).Set("@error", m.LastError);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        return messages.Count;
    }

    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(
        string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        var claimed = await database.ClaimAsync(
            $"""
            UPDATE outbox SET lease_owner = @owner, lease_until = @until
            WHERE id IN (
                SELECT id FROM outbox WHERE status = @pending AND next_attempt_at <= @now AND {SqliteValues.LeaseFree}
                ORDER BY created_at, id LIMIT @max)
            RETURNING {Columns};
            """,
            OutboxStatus.Pending, owner, now, lease, max, Read, cancellationToken);

        // RETURNING gives no order; oldest first is the contract.
        return [.. claimed.OrderBy(m => m.CreatedAt).ThenBy(m => m.Id, StringComparer.Ordinal)];
    }

    private const string MarkSentSql = """
        UPDATE outbox SET status = @sent, external_message_id = @external, sent_at = @at,
            lease_owner = NULL, lease_until = NULL
        WHERE id = @id;
        """;

    public Task MarkSentAsync(string id, string? externalMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.ExecuteAsync(
            MarkSentSql,
            p => p.Set("@id", id).Set("@sent", OutboxStatus.Sent).Set("@external", externalMessageId).Set("@at", sentAt),
            cancellationToken);
    }

    public Task MarkSentManyAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken) =>
        SentMark.WriteBatchAsync(marks, WriteSentAsync, cancellationToken);

    /// <summary>Every mark in one transaction.</summary>
    private Task WriteSentAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (write, token) =>
            {
                foreach (var mark in marks)
                {
                    var command = write.Command(MarkSentSql);
                    command.Parameters.Set("@id", mark.Id).Set("@sent", OutboxStatus.Sent).Set("@external", mark.ExternalMessageId).Set("@at", mark.SentAt);
                    await command.ExecuteNonQueryAsync(token);
                }

                return marks.Count;
            },
            cancellationToken);

    public Task RetryLaterAsync(string id, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);

        // Only a pending message goes back in the queue: a late retry must not revive a sent one.
        return database.ExecuteAsync(
            """
            UPDATE outbox SET next_attempt_at = @next, last_error = @error, attempts = attempts + @count,
                lease_owner = NULL, lease_until = NULL
            WHERE id = @id AND status = @pending;
            """,
            p => p.Set("@id", id).Set("@next", nextAttemptAt).Set("@error", error).Set("@count", countAttempt ? 1 : 0)
                .Set("@pending", OutboxStatus.Pending),
            cancellationToken);
    }

    public Task MarkFailedAsync(string id, OutboxStatus status, string reason, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (status is not (OutboxStatus.Rejected or OutboxStatus.Unreachable))
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, "A failed message is either Rejected or Unreachable.");
        }

        return database.ExecuteAsync(
            "UPDATE outbox SET status = @status, last_error = @reason, lease_owner = NULL, lease_until = NULL WHERE id = @id;",
            p => p.Set("@id", id).Set("@status", status).Set("@reason", reason),
            cancellationToken);
    }

    public Task<OutboxMessage?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM outbox WHERE id = @id;", p => p.Set("@id", id), Read, cancellationToken);
    }

    public async Task<long> PruneSentAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM outbox WHERE status = @sent AND chat_kind = @private AND sent_at < @before;",
            p => p.Set("@sent", OutboxStatus.Sent).Set("@private", ChatKind.Private).Set("@before", before),
            cancellationToken);

    public Task<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken) =>
        database.CountByStatusAsync("outbox", status, cancellationToken);

    private static OutboxMessage Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Chat = new ChatRef(r.GetString(1), r.GetString(2), r.Enum<ChatKind>(3), r.TextOrNull(4)),
        Body = r.GetString(5),
        CreatedAt = r.Time(6),
        NextAttemptAt = r.Time(7),
        Status = r.Enum<OutboxStatus>(8),
        Attempts = r.GetInt32(9),
        LeaseOwner = r.TextOrNull(10),
        LeaseUntil = r.TimeOrNull(11),
        ExternalMessageId = r.TextOrNull(12),
        SentAt = r.TimeOrNull(13),
        LastError = r.TextOrNull(14),
    };
}
