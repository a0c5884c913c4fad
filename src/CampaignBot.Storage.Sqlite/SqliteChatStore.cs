namespace CampaignBot.Storage.Sqlite;

/// <summary>The chats the bot knows, one row each by (channel, chat id).</summary>
internal sealed class SqliteChatStore(SqliteDatabase database)
    : SqliteTable<ChatRecord>(database, "chats", "channel, chat_id, kind, title, bot_is_member, unreachable, unit_id, updated_at", keyColumns: 2), IChatStore;
