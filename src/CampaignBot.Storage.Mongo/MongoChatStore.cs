namespace CampaignBot.Storage.Mongo;

/// <summary>Chats keyed by "channel:chat id", the same key <see cref="ChatRef.Key"/> gives.</summary>
internal sealed class MongoChatStore(IMongoCollection<BsonDocument> chats) : IChatStore
{
    public Task<ChatRecord?> GetAsync(string channel, string chatId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(channel);
        ArgumentException.ThrowIfNullOrWhiteSpace(chatId);
        return chats.FindOneAsync(ById(KeyOf(channel, chatId)), FromDocument, cancellationToken);
    }

    public Task UpsertAsync(ChatRecord chat, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chat);
        var key = KeyOf(chat.Channel, chat.ChatId);
        var doc = new BsonDocument
        {
            { "_id", key },
            { "channel", chat.Channel },
            { "chatId", chat.ChatId },
            { "kind", chat.Kind.ToString() },
            { "title", Text(chat.Title) },
            { "botIsMember", chat.BotIsMember },
            { "unreachable", chat.Unreachable },
            { "unitId", Text(chat.UnitId) },
            { "updatedAt", Date(chat.UpdatedAt) },
        };
        return Upsert.ReplaceAsync(chats, key, doc, cancellationToken);
    }

    public Task<IReadOnlyList<ChatRecord>> ListAsync(CancellationToken cancellationToken)
    {
        return chats.FindAllAsync(FilterDefinition<BsonDocument>.Empty, Sort.Ascending("channel").Ascending("chatId"), FromDocument, cancellationToken);
    }

    private static string KeyOf(string channel, string chatId) => $"{channel}:{chatId}";

    private static ChatRecord FromDocument(BsonDocument doc) => new()
    {
        Channel = doc["channel"].AsString,
        ChatId = doc["chatId"].AsString,
        Kind = doc.GetEnum<ChatKind>("kind"),
        Title = doc.GetNullableString("title"),
        BotIsMember = doc["botIsMember"].AsBoolean,
        Unreachable = doc["unreachable"].AsBoolean,
        UnitId = doc.GetNullableString("unitId"),
        UpdatedAt = doc.GetDate("updatedAt"),
    };
}
