using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteReminderSettingsStore(SqliteDatabase database) : IReminderSettingsStore
{
    private const string Columns = "member_id, hour, muted_until";

    public Task<ReminderSettings?> GetAsync(string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);
        return database.QuerySingleAsync($"SELECT {Columns} FROM reminder_settings WHERE member_id = @member;", p => p.Set("@member", memberId), SqliteRows.Read<ReminderSettings>, cancellationToken);
    }

    public Task UpsertAsync(ReminderSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentException.ThrowIfNullOrWhiteSpace(settings.MemberId, nameof(settings));
        return database.ExecuteAsync(
            $"INSERT OR REPLACE INTO reminder_settings ({Columns}) VALUES (@member, @hour, @muted);",
            p => p.Set("@member", settings.MemberId).Set("@hour", settings.Hour)
                .Set("@muted", settings.MutedUntil is { } until ? SqliteActivityLogStore.DateText(until) : null),
            cancellationToken);
    }

    public Task<IReadOnlyList<ReminderSettings>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM reminder_settings ORDER BY member_id;", SqliteDatabase.NoParameters, SqliteRows.Read<ReminderSettings>, cancellationToken);
}
