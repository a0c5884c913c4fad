using CampaignBot.Core.Features.Study;

namespace CampaignBot.Storage.Sqlite;

/// <summary>A member's reminder choices, one row each; the mute date as ISO text.</summary>
internal sealed class SqliteReminderSettingsStore(SqliteDatabase database)
    : SqliteTable<ReminderSettings>(database, "reminder_settings", "member_id, hour, muted_until"), IReminderSettingsStore;
