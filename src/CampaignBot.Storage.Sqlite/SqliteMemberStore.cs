namespace CampaignBot.Storage.Sqlite;

/// <summary>Members, one row each by id; a unit's list holds its own members and the mobile members it hosts.</summary>
internal sealed class SqliteMemberStore(SqliteDatabase database)
    : SqliteTable<Member>(database, "members", "id, channel, user_id, name, rank, unit_id, role, language_code, registered_at, host_unit_id, deactivated_at"), IMemberStore
{
    public Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        unitId is null
            ? ListAsync(cancellationToken)
            : ListWhereAsync("WHERE unit_id = @unit OR host_unit_id = @unit ORDER BY id", p => p.Set("@unit", unitId), cancellationToken);
}
