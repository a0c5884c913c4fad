namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteMemberStore(SqliteDatabase database) : IMemberStore
{
    private const string Columns = "id, channel, user_id, name, rank, unit_id, role, language_code, registered_at, host_unit_id, deactivated_at";

    public Task<Member?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM members WHERE id = @id;", p => p.Set("@id", id), Read, cancellationToken);
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
            ? database.QueryAsync($"SELECT {Columns} FROM members ORDER BY id;", SqliteDatabase.NoParameters, Read, cancellationToken)
            : database.QueryAsync(
                $"SELECT {Columns} FROM members WHERE unit_id = @unit OR host_unit_id = @unit ORDER BY id;", p => p.Set("@unit", unitId), Read, cancellationToken);

    private static Member Read(SqliteDataReader r) => new()
    {
        Id = r.GetString(0),
        Channel = r.GetString(1),
        UserId = r.GetString(2),
        Name = r.GetString(3),
        Rank = r.GetString(4),
        UnitId = r.GetString(5),
        Role = r.GetString(6),
        LanguageCode = r.TextOrNull(7),
        RegisteredAt = r.Time(8),
        HostUnitId = r.TextOrNull(9),
        DeactivatedAt = r.TimeOrNull(10),
    };
}
