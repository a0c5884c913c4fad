using System.Text.Json.Nodes;

namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>Builds Bot API update JSON as Telegram sends it. Negative chat ids are groups.</summary>
public static class TelegramUpdates
{
    public const long GroupId = -1001234567890;

    public static JsonObject Text(long userId, string text, long? chatId = null, string languageCode = "zh-hans", string firstName = "张三") => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = 10,
            ["date"] = 1_780_000_000,
            ["chat"] = Chat(chatId ?? userId),
            ["from"] = User(userId, languageCode, firstName),
            ["text"] = text,
        },
    };

    /// <summary>A message that replies to one of the bot's messages.</summary>
    public static JsonObject ReplyToBot(long userId, string text, long chatId)
    {
        var update = Text(userId, text, chatId);
        update["message"]!["reply_to_message"] = new JsonObject
        {
            ["message_id"] = 9,
            ["date"] = 1_780_000_000,
            ["chat"] = Chat(chatId),
            ["from"] = Bot(),
            ["text"] = "请选择",
        };
        return update;
    }

    public static JsonObject Callback(long userId, string data, long? chatId = null, int messageId = 77, string id = "cbq-1") => new()
    {
        ["callback_query"] = new JsonObject
        {
            ["id"] = id,
            ["from"] = User(userId, "zh-hans", "李四"),
            ["chat_instance"] = "ci-1",
            ["data"] = data,
            ["message"] = new JsonObject
            {
                ["message_id"] = messageId,
                ["date"] = 1_780_000_000,
                ["chat"] = Chat(chatId ?? userId),
                ["text"] = "请选择",
            },
        },
    };

    public static JsonObject PollAnswer(long userId, string pollId, params int[] options) => new()
    {
        ["poll_answer"] = new JsonObject
        {
            ["poll_id"] = pollId,
            ["user"] = User(userId, "zh-hans", "王五"),
            ["option_ids"] = new JsonArray([.. options.Select(o => JsonValue.Create(o))]),
        },
    };

    /// <summary>The bot's own status in a chat changed (added: "member", removed: "left"/"kicked").</summary>
    public static JsonObject MyChatMember(long byUserId, string newStatus, long chatId = GroupId) => new()
    {
        ["my_chat_member"] = new JsonObject
        {
            ["chat"] = Chat(chatId),
            ["from"] = User(byUserId, "zh-hans", "书记"),
            ["date"] = 1_780_000_000,
            ["old_chat_member"] = new JsonObject { ["status"] = newStatus == "member" ? "left" : "member", ["user"] = Bot() },
            ["new_chat_member"] = new JsonObject { ["status"] = newStatus, ["user"] = Bot() },
        },
    };

    private static JsonObject Chat(long id) => id < 0
        ? new JsonObject { ["id"] = id, ["type"] = "supergroup", ["title"] = "第一党支部" }
        : new JsonObject { ["id"] = id, ["type"] = "private", ["first_name"] = "张三" };

    private static JsonObject User(long id, string languageCode, string firstName) => new()
    {
        ["id"] = id,
        ["is_bot"] = false,
        ["first_name"] = firstName,
        ["language_code"] = languageCode,
    };

    private static JsonObject Bot() => new()
    {
        ["id"] = BotApiStandIn.BotId,
        ["is_bot"] = true,
        ["first_name"] = "CampaignBot",
        ["username"] = BotApiStandIn.BotUsername,
    };
}
