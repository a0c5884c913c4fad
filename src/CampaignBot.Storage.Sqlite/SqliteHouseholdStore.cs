using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Household pairings; the unique index on (member, label) refuses a second pairing with one label.</summary>
internal sealed class SqliteHouseholdStore(SqliteDatabase database) : IHouseholdStore
{
    private readonly SqliteTable<Household> _households = new(database, "households", "id, member_id, unit_id, label, paired_at", required: ["label"]);

    public Task<bool> AddAsync(Household household, CancellationToken cancellationToken) => _households.InsertOrIgnoreAsync(household, cancellationToken);

    public Task<bool> RenameAsync(string id, string label, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        return database.ChangesOneAsync("UPDATE OR IGNORE households SET label = @label WHERE id = @id;", p => p.Set("@id", id).Set("@label", label), cancellationToken);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.ChangesOneAsync("DELETE FROM households WHERE id = @id;", p => p.Set("@id", id), cancellationToken);
    }

    public Task<IReadOnlyList<Household>> ListAsync(string? unitId, string? memberId, CancellationToken cancellationToken) =>
        _households.ListWhereAsync(
            "WHERE (@unit IS NULL OR unit_id = @unit) AND (@member IS NULL OR member_id = @member) ORDER BY paired_at, id",
            p => p.Set("@unit", unitId).Set("@member", memberId),
            cancellationToken);
}
