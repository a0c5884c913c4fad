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

    /// <summary>A photo as Telegram sends it: several sizes of one picture, the largest not last, with an optional caption.</summary>
    public static JsonObject Photo(long userId, string fileId, int size, string? caption = null, long? chatId = null)
    {
        var update = Message(userId, chatId);
        update["message"]!["photo"] = new JsonArray(
            new JsonObject { ["file_id"] = fileId + "-thumb", ["file_unique_id"] = fileId + "-t", ["width"] = 90, ["height"] = 67, ["file_size"] = 1200 },
            new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId + "-u", ["width"] = 1280, ["height"] = 960, ["file_size"] = size },
            new JsonObject { ["file_id"] = fileId + "-mid", ["file_unique_id"] = fileId + "-m", ["width"] = 320, ["height"] = 240, ["file_size"] = 9000 });
        if (caption is not null)
        {
            update["message"]!["caption"] = caption;
        }

        return update;
    }

    public static JsonObject Document(long userId, string fileId, string fileName, string mimeType, long size, string? caption = null)
    {
        var update = Message(userId, null);
        update["message"]!["document"] = new JsonObject { ["file_id"] = fileId, ["file_unique_id"] = fileId + "-u", ["file_name"] = fileName, ["mime_type"] = mimeType, ["file_size"] = size };
        if (caption is not null)
        {
            update["message"]!["caption"] = caption;
        }

        return update;
    }

    public static JsonObject Sticker(long userId)
    {
        var update = Message(userId, null);
        update["message"]!["sticker"] = new JsonObject
        {
            ["file_id"] = "sticker-1", ["file_unique_id"] = "sticker-1-u", ["type"] = "regular", ["width"] = 512, ["height"] = 512, ["is_animated"] = false, ["is_video"] = false,
        };
        return update;
    }

    private static JsonObject Message(long userId, long? chatId) => new()
    {
        ["message"] = new JsonObject
        {
            ["message_id"] = 11,
            ["date"] = 1_780_000_000,
            ["chat"] = Chat(chatId ?? userId),
            ["from"] = User(userId, "zh-hans", "张三"),
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
