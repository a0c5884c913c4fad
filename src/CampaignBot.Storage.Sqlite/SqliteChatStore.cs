namespace CampaignBot.Storage.Sqlite;

internal sealed class SqliteChatStore(SqliteDatabase database) : IChatStore
{
    private const string Columns = "channel, chat_id, kind, title, bot_is_member, unreachable, unit_id, updated_at";

    public Task<ChatRecord?> GetAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return database.QuerySingleAsync(
            $"SELECT {Columns} FROM chats WHERE channel = @channel AND chat_id = @chat;",
            p => p.Set("@channel", channel).Set("@chat", chatId),
            SqliteRows.Read<ChatRecord>,
            cancellationToken);
    }

    public Task UpsertAsync(ChatRecord chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        ArgumentException.ThrowIfNullOrWhiteSpace(chat.Channel, nameof(chat));
        ArgumentException.ThrowIfNullOrWhiteSpace(chat.ChatId, nameof(chat));
        return database.ExecuteAsync(
            $"""
            INSERT OR REPLACE INTO chats ({Columns})
            VALUES (@channel, @chat, @kind, @title, @member, @unreachable, @unit, @updated);
            """,
            p => p.Set("@channel", chat.Channel).Set("@chat", chat.ChatId).Set("@kind", chat.Kind).Set("@title", chat.Title)
                .Set("@member", chat.BotIsMember).Set("@unreachable", chat.Unreachable).Set("@unit", chat.UnitId)
                .Set("@updated", chat.UpdatedAt),
            cancellationToken);
    }

    public Task<IReadOnlyList<ChatRecord>> ListAsync(CancellationToken cancellationToken) =>
        database.QueryAsync($"SELECT {Columns} FROM chats ORDER BY channel, chat_id;", SqliteDatabase.NoParameters, SqliteRows.Read<ChatRecord>, cancellationToken);
}
