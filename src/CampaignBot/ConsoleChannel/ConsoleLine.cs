namespace CampaignBot.ConsoleChannel;

/// <summary>Turns one typed line into an update's content: a command, a button press by number, or text.</summary>
public static class ConsoleLine
{
    public static InboundContent? Parse(string line, ChatRef chat, ConsoleTranscript transcript)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(transcript);
        var text = line.Trim();
        if (text.Length == 0)
        {
            return null;
        }

        if (int.TryParse(text, out var number) && transcript.ButtonPayload(chat, number) is { } payload)
        {
            return new ButtonPress(payload);
        }

        if (ParseAttachment(text) is { } attachment)
        {
            if (attachment is OtherMediaInput)
            {
                transcript.WriteLine("（找不到这个文件。用法：/attach <文件路径> [说明] · File not found. Usage: /attach <path> [caption]）");
                return null;
            }

            return attachment;
        }

        // In a group, text is for the bot only when it starts with a mention ("@助手 …"), as in a real group chat.
        return (InboundContent?)ParseCommand(text) ?? new TextInput(text, chat.Kind == ChatKind.Private || text.StartsWith('@'));
    }

    /// <summary>Extensions the console sends as a photo; any other file goes as a document.</summary>
    private static readonly string[] PhotoExtensions = [".jpg", ".jpeg", ".png", ".gif", ".webp", ".heic"];

    /// <summary>
    /// "/attach &lt;path&gt; [caption]": a local file sent as a photo (by its extension) or a document, as a phone would send
    /// one; the path may be quoted. A file that does not exist gives <see cref="OtherMediaInput"/> "missing"; not this form, null.
    /// </summary>
    public static InboundContent? ParseAttachment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.StartsWith("/attach ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var rest = text[8..].Trim();
        string path, caption;
        if (rest.StartsWith('"') && rest.IndexOf('"', 1) is var close and > 0)
        {
            path = rest[1..close];
            caption = rest[(close + 1)..].Trim();
        }
        else
        {
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            path = space < 0 ? rest : rest[..space];
            caption = space < 0 ? string.Empty : rest[(space + 1)..].Trim();
        }

        var file = new FileInfo(path);
        if (path.Length == 0 || !file.Exists)
        {
            return new OtherMediaInput("missing");
        }

        var photo = PhotoExtensions.Contains(file.Extension.ToLowerInvariant());
        var mime = file.Extension.ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".pdf" => "application/pdf",
            ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            _ => null,
        };
        return photo
            ? new PhotoInput(file.FullName, file.Name, mime, file.Length, caption.Length > 0 ? caption : null)
            : new DocumentInput(file.FullName, file.Name, mime ?? "application/octet-stream", file.Length, caption.Length > 0 ? caption : null);
    }

    /// <summary>"/Start@bot args" → start, "args". Shared by channels that take typed commands.</summary>
    public static CommandInput? ParseCommand(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length < 2 || text[0] != '/' || !char.IsAsciiLetter(text[1]))
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        return new CommandInput(name, arguments);
    }
}
