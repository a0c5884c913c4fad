using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CampaignBot.WeCom.Sending;

/// <summary>Builds message/send, update_template_card and robot bodies from channel-neutral messages.</summary>
public static class WeComMessages
{
    /// <summary>Text and markdown contents may hold at most 2048 bytes.</summary>
    public const int MaxTextBytes = 2048;
    public const int MaxCardButtons = 6;
    public const int MaxButtonKeyBytes = 1024;
    public const int MaxButtonLabelChars = 10;
    public const int MaxCardTitleChars = 26;

    public static JsonObject Text(string userId, int agentId, string content) =>
        App(userId, agentId, "text", new JsonObject { ["content"] = content });

    public static JsonObject Markdown(string userId, int agentId, string content) =>
        App(userId, agentId, "markdown", new JsonObject { ["content"] = content });

    /// <summary>A file or image message for an uploaded medium.</summary>
    public static JsonObject Media(string userId, int agentId, string type, string mediaId) =>
        App(userId, agentId, type, new JsonObject { ["media_id"] = mediaId });

    public static IReadOnlyList<Button> Flatten(IReadOnlyList<IReadOnlyList<Button>>? rows) =>
        rows is null ? [] : [.. rows.SelectMany(row => row)];

    /// <summary>True when a button_interaction card can carry these buttons (1–6, non-empty keys within WeCom's size).</summary>
    public static bool FitsCard(IReadOnlyList<Button> buttons) =>
        buttons.Count is > 0 and <= MaxCardButtons
        && buttons.All(b => b.Label.Length > 0 && b.Payload.Length > 0 && Encoding.UTF8.GetByteCount(b.Payload) <= MaxButtonKeyBytes);

    /// <summary>The text with the buttons listed as numbered options, for clients that show no cards; the hint in the reader's language.</summary>
    public static string WithNumberedOptions(string text, IReadOnlyList<Button> buttons, Language language = Language.Chinese)
    {
        if (buttons.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text).Append("\n\n");
        for (var i = 0; i < buttons.Count; i++)
        {
            builder.Append(i + 1).Append(". ").Append(buttons[i].Label).Append('\n');
        }

        return builder.Append(WeComTexts.OptionsHint.In(language)).ToString();
    }

    /// <summary>A button_interaction template card; its title is the text's first line, the full text goes as a text message.</summary>
    public static JsonObject Card(string userId, int agentId, string text, IReadOnlyList<Button> buttons, string taskId, Language language = Language.Chinese)
    {
        var firstLine = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? WeComTexts.CardTitle.In(language);
        var list = new JsonArray();
        foreach (var button in buttons)
        {
            list.Add(new JsonObject { ["text"] = Shorten(button.Label, MaxButtonLabelChars), ["style"] = 1, ["key"] = button.Payload });
        }

        return App(userId, agentId, "template_card", new JsonObject
        {
            ["card_type"] = "button_interaction",
            ["main_title"] = new JsonObject { ["title"] = Shorten(firstLine, MaxCardTitleChars) },
            ["sub_title_text"] = WeComTexts.CardSubtitle.In(language),
            ["task_id"] = taskId,
            ["button_list"] = list,
        });
    }

    /// <summary>Greys out a pressed card's buttons with a short text (update_template_card, button form).</summary>
    public static JsonObject CardUpdate(string userId, int agentId, string responseCode, string replaceName) => new()
    {
        ["userids"] = new JsonArray(userId),
        ["agentid"] = agentId,
        ["response_code"] = responseCode,
        ["button"] = new JsonObject { ["replace_name"] = Shorten(replaceName, MaxButtonLabelChars) },
    };

    /// <summary>What a pressed card shows instead of its buttons: "已选：确认", or the label alone when that is too long.</summary>
    public static string ChosenText(string? chosen, Language language = Language.Chinese)
    {
        if (string.IsNullOrWhiteSpace(chosen))
        {
            return WeComTexts.Chosen.In(language);
        }

        var marked = WeComTexts.ChosenLabel(chosen.Trim()).In(language);
        return marked.Length <= MaxButtonLabelChars ? marked : Shorten(chosen.Trim(), MaxButtonLabelChars);
    }

    public static JsonObject RobotText(string content) =>
        new() { ["msgtype"] = "text", ["text"] = new JsonObject { ["content"] = content } };

    public static JsonObject RobotMarkdown(string content) =>
        new() { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = content } };

    /// <summary>Robots take images inline as Base64 with their MD5.</summary>
    public static JsonObject RobotImage(byte[] content) => new()
    {
        ["msgtype"] = "image",
        ["image"] = new JsonObject
        {
            ["base64"] = Convert.ToBase64String(content),
            ["md5"] = Convert.ToHexStringLower(MD5.HashData(content)),
        },
    };

    /// <summary>A task_id WeCom accepts (letters, digits, "_-@", ≤ 128 bytes), stable per outbox message.</summary>
    public static string TaskIdFor(string outboxId) =>
        "cb_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(outboxId)))[..40];

    /// <summary>
    /// Splits text into pieces of at most <paramref name="maxBytes"/> UTF-8 bytes (WeCom cuts a longer text off), each
    /// ending at a line break when the window holds one, and never inside a character.
    /// </summary>
    public static IReadOnlyList<string> Chunks(string text, int maxBytes = MaxTextBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chunks = new List<string>();
        var start = 0;
        while (start < text.Length)
        {
            var end = FitEnd(text, start, maxBytes);
            if (end < text.Length)
            {
                var lineBreak = text.LastIndexOf('\n', end - 1, end - start);
                if (lineBreak > start)
                {
                    end = lineBreak + 1;
                }
            }

            chunks.Add(text[start..end]);
            start = end;
        }

        if (chunks.Count == 0)
        {
            chunks.Add(string.Empty);
        }

        return chunks;
    }

    /// <summary>The index after the last whole character from <paramref name="start"/> that fits in the bytes (at least one character).</summary>
    private static int FitEnd(string text, int start, int maxBytes)
    {
        var index = start;
        var bytes = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var chars);
            if (bytes + rune.Utf8SequenceLength > maxBytes && index > start)
            {
                break;
            }

            bytes += rune.Utf8SequenceLength;
            index += chars;
        }

        return index;
    }

    private static JsonObject App(string userId, int agentId, string type, JsonObject content) => new()
    {
        ["touser"] = userId,
        ["msgtype"] = type,
        ["agentid"] = agentId,
        [type] = content,
    };

    /// <summary>At most <paramref name="max"/> characters, ending in "…" when cut, and never cut inside an emoji's surrogate pair.</summary>
    private static string Shorten(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        var cut = max - 1;
        if (char.IsHighSurrogate(value[cut - 1]))
        {
            cut--;
        }

        return value[..cut] + "…";
    }
}
