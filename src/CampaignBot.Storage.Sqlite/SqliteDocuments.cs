namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// A table of JSON documents keyed by id, with the member and unit they belong to as indexed columns:
/// the shape shared by the campaign records (self-examinations, pledges and what hangs off them).
/// </summary>
internal sealed class SqliteDocuments(SqliteDatabase database, string table) : IDocumentTable
{
    public static string Schema(string table) => $"""
        CREATE TABLE IF NOT EXISTS {table} (
            id TEXT NOT NULL PRIMARY KEY, member_id TEXT NOT NULL, unit_id TEXT NOT NULL, body TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS ix_{table}_member ON {table} (member_id, id);
        CREATE INDEX IF NOT EXISTS ix_{table}_unit ON {table} (unit_id, id);
        """;

    public Task UpsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            $"INSERT OR REPLACE INTO {table} (id, member_id, unit_id, body) VALUES (@id, @member, @unit, @body);",
            p => p.Set("@id", id).Set("@member", memberId).Set("@unit", unitId).Set("@body", body),
            cancellationToken);

    /// <summary>One write transaction and one prepared statement for the lot: thousands of rows in well under a second.</summary>
    public async Task UpsertManyAsync(IReadOnlyList<StoredDocument> documents, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(documents);
        if (documents.Count == 0)
        {
            return;
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = SqliteDatabase.BeginWrite(connection);
        await using var command = SqliteDatabase.Command(
            connection, $"INSERT OR REPLACE INTO {table} (id, member_id, unit_id, body) VALUES (@id, @member, @unit, @body);", transaction);
        var id = command.Parameters.Add("@id", SqliteType.Text);
        var member = command.Parameters.Add("@member", SqliteType.Text);
        var unit = command.Parameters.Add("@unit", SqliteType.Text);
        var body = command.Parameters.Add("@body", SqliteType.Text);
        foreach (var document in documents)
        {
            (id.Value, member.Value, unit.Value, body.Value) = (document.Id, document.MemberId, document.UnitId, document.Body);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>False when the id is already there; the primary key decides, so racing inserts store one.</summary>
    public Task<bool> TryInsertAsync(string id, string memberId, string unitId, string body, CancellationToken cancellationToken) =>
        database.ChangesOneAsync(
            $"INSERT OR IGNORE INTO {table} (id, member_id, unit_id, body) VALUES (@id, @member, @unit, @body);",
            p => p.Set("@id", id).Set("@member", memberId).Set("@unit", unitId).Set("@body", body),
            cancellationToken);

    public async Task<string?> GetAsync(string id, CancellationToken cancellationToken)
    {
        var rows = await database.QueryAsync($"SELECT body FROM {table} WHERE id = @id;", p => p.Set("@id", id), r => r.GetString(0), cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public Task<IReadOnlyList<string>> ListByMemberAsync(string memberId, CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT body FROM {table} WHERE member_id = @member ORDER BY id;", p => p.Set("@member", memberId), Body, cancellationToken);

    public Task<IReadOnlyList<string>> ListAsync(string? unitId, CancellationToken cancellationToken) => unitId is null
        ? database.QueryAsync($"SELECT body FROM {table} ORDER BY id;", SqliteDatabase.NoParameters, Body, cancellationToken)
        : database.QueryAsync($"SELECT body FROM {table} WHERE unit_id = @unit ORDER BY id;", p => p.Set("@unit", unitId), Body, cancellationToken);

    private static string Body(SqliteDataReader reader) => reader.GetString(0);
}
