namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteMemberStore(SqliteDatabase database) : IMemberStore
{
    private const string Columns = "id, channel, user_id, name, rank, unit_id, role, language_code, registered_at, host_unit_id, deactivated_at";

    public Task<Member?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM members WHERE id = @id;", p => p.Set("@id", id), SqliteRows.Read<Member>, cancellationToken);
    }

    public Task UpsertAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        ArgumentException.ThrowIfNullOrWhiteSpace(member.Id, nameof(member));
        return database.ExecuteAsync(
            $"""
            INSERT OR REPLACE INTO members ({Columns})
            VALUES (@id, @channel, @user, @name, @rank, @unit, @role, @language, @registered, @host, @deactivated);
            """,
            p => p.Set("@id", member.Id).Set("@channel", member.Channel).Set("@user", member.UserId).Set("@name", member.Name)
                .Set("@rank", member.Rank).Set("@unit", member.UnitId).Set("@role", member.Role)
                .Set("@language", member.LanguageCode).Set("@registered", member.RegisteredAt).Set("@host", member.HostUnitId).Set("@deactivated", member.DeactivatedAt),
            cancellationToken);
    }

    public Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        unitId is null
            ? database.QueryAsync($"SELECT {Columns} FROM members ORDER BY id;", SqliteDatabase.NoParameters, SqliteRows.Read<Member>, cancellationToken)
            : database.QueryAsync(
                $"SELECT {Columns} FROM members WHERE unit_id = @unit OR host_unit_id = @unit ORDER BY id;", p => p.Set("@unit", unitId), SqliteRows.Read<Member>, cancellationToken);
}
