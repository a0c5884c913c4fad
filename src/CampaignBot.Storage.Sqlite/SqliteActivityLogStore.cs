using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Activity entries; dates as ISO text so they sort, ids unique by primary key.</summary>
internal sealed class SqliteActivityLogStore(SqliteDatabase database) : IActivityLogStore
{
    private readonly SqliteTable<ActivityEntry> _entries = new(
        database, "activity_entries", "id, kind, member_id, unit_id, date, half_days, form, topic, place, note, opinions, confirmed, recorded_by, recorded_at");

    public Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return _entries.InsertOrIgnoreAsync(entry, cancellationToken);
    }

    public Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return _entries.UpdateAsync(entry, cancellationToken);
    }

    public Task<ActivityEntry?> GetAsync(string id, CancellationToken cancellationToken) => _entries.GetAsync(id, cancellationToken);

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.ChangesOneAsync("DELETE FROM activity_entries WHERE id = @id;", p => p.Set("@id", id), cancellationToken);
    }

    public Task<IReadOnlyList<ActivityEntry>> ListAsync(string? unitId, string? memberId, ActivityKind? kind, CancellationToken cancellationToken) =>
        _entries.ListWhereAsync(
            """
            WHERE (@unit IS NULL OR unit_id = @unit) AND (@member IS NULL OR member_id = @member) AND (@kind IS NULL OR kind = @kind)
            ORDER BY date, recorded_at, id
            """,
            p => p.Set("@unit", unitId).Set("@member", memberId).Set("@kind", kind),
            cancellationToken);

    private static void Check(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Id, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.MemberId, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfNegative(entry.HalfDays, nameof(entry));
    }
}
