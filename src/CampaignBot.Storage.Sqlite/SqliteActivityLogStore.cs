using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Activity entries; dates as ISO text so they sort, ids unique by primary key.</summary>
internal sealed class SqliteActivityLogStore(SqliteDatabase database) : IActivityLogStore
{
    private const string Columns = "id, kind, member_id, unit_id, date, half_days, form, topic, place, note, opinions, confirmed, recorded_by, recorded_at";
    private const string Values = "@id, @kind, @member, @unit, @date, @half, @form, @topic, @place, @note, @opinions, @confirmed, @by, @at";

    public Task<bool> AddAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return database.ChangesOneAsync($"INSERT OR IGNORE INTO activity_entries ({Columns}) VALUES ({Values});", p => Bind(p, entry), cancellationToken);
    }

    public Task<bool> ReplaceAsync(ActivityEntry entry, CancellationToken cancellationToken)
    {
        Check(entry);
        return database.ChangesOneAsync(
            """
            UPDATE activity_entries SET kind = @kind, member_id = @member, unit_id = @unit, date = @date, half_days = @half,
                form = @form, topic = @topic, place = @place, note = @note, opinions = @opinions, confirmed = @confirmed,
                recorded_by = @by, recorded_at = @at
            WHERE id = @id;
            """,
            p => Bind(p, entry),
            cancellationToken);
    }

    public Task<ActivityEntry?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync($"SELECT {Columns} FROM activity_entries WHERE id = @id;", p => p.Set("@id", id), SqliteRows.Read<ActivityEntry>, cancellationToken);
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.ChangesOneAsync("DELETE FROM activity_entries WHERE id = @id;", p => p.Set("@id", id), cancellationToken);
    }

    public Task<IReadOnlyList<ActivityEntry>> ListAsync(string? unitId, string? memberId, ActivityKind? kind, CancellationToken cancellationToken) =>
        database.QueryAsync(
            $"""
            SELECT {Columns} FROM activity_entries
            WHERE (@unit IS NULL OR unit_id = @unit) AND (@member IS NULL OR member_id = @member) AND (@kind IS NULL OR kind = @kind)
            ORDER BY date, recorded_at, id;
            """,
            p => p.Set("@unit", unitId).Set("@member", memberId).Set("@kind", kind),
            SqliteRows.Read<ActivityEntry>,
            cancellationToken);

    internal static string DateText(DateOnly date) => date.ToString(SqliteValues.DateFormat, CultureInfo.InvariantCulture);

    private static void Check(ActivityEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.Id, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.MemberId, nameof(entry));
        ArgumentOutOfRangeException.ThrowIfNegative(entry.HalfDays, nameof(entry));
    }

    private static void Bind(SqliteParameterCollection p, ActivityEntry e) =>
        p.Set("@id", e.Id).Set("@kind", e.Kind).Set("@member", e.MemberId).Set("@unit", e.UnitId).Set("@date", DateText(e.Date))
            .Set("@half", e.HalfDays).Set("@form", e.Form).Set("@topic", e.Topic).Set("@place", e.Place).Set("@note", e.Note)
            .Set("@opinions", e.Opinions).Set("@confirmed", e.Confirmed).Set("@by", e.RecordedBy).Set("@at", e.RecordedAt);
}
