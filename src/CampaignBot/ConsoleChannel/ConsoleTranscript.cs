namespace CampaignBot.ConsoleChannel;

/// <summary>
/// What the console shows: the bot's messages with their buttons numbered, so a typed number can press the
/// button; also what the last message of each chat offered.
/// </summary>
public sealed class ConsoleTranscript(TextWriter output)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IReadOnlyList<Button>> _lastButtons = new(StringComparer.Ordinal);
    private long _messageIds;

    /// <summary>The payload of button <paramref name="number"/> (1-based) of the chat's last message, if it had one.</summary>
    public string? ButtonPayload(ChatRef chat, int number)
    {
        lock (_gate)
        {
            return _lastButtons.TryGetValue(chat.Key, out var buttons) && number >= 1 && number <= buttons.Count
                ? buttons[number - 1].Payload
                : null;
        }
    }

    public void WriteLine(string text)
    {
        lock (_gate)
        {
            output.WriteLine(text);
            output.Flush();
        }
    }

    /// <summary>Prints a message and returns the id it gets (for later edits); <paramref name="addressee"/> labels a message to another user's private chat.</summary>
    public string Show(ChatRef chat, Outbound message, string? filesFolder, string? addressee = null)
    {
        ArgumentNullException.ThrowIfNull(chat);
        lock (_gate)
        {
            var id = (++_messageIds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var language = message.HintLanguage;
            var prefix = chat.Kind == ChatKind.Group ? $"[群 {chat.Title ?? chat.Id}] " : addressee is null ? string.Empty : ConsoleTexts.To(addressee).In(language) + " ";
            var text = new StringBuilder();
            switch (message)
            {
                case TextMessage plain:
                    text.Append(prefix).Append(plain.Text);
                    Remember(chat, plain.Buttons, text);
                    break;
                case EditMessage edit:
                    text.Append(prefix).Append(ConsoleTexts.Edited.In(language)).Append(language == Language.English ? " " : string.Empty).Append(edit.Text);
                    Remember(chat, edit.Buttons, text);
                    break;
                case CallbackAnswer { Notice: { } notice }:
                    text.Append(prefix).Append(ConsoleTexts.Notice(notice).In(language));
                    break;
                case CallbackAnswer:
                    return id;
                case DocumentMessage document:
                    text.Append(prefix).Append(ConsoleTexts.File.In(language)).Append(' ').Append(Save(filesFolder, document.FileName, document.Content, language)).Append(Caption(document.Caption));
                    break;
                case PhotoMessage photo:
                    text.Append(prefix).Append(ConsoleTexts.Photo.In(language)).Append(' ').Append(Save(filesFolder, photo.FileName, photo.Content, language)).Append(Caption(photo.Caption));
                    break;
            }

            output.WriteLine(Indent(text.ToString()));
            output.Flush();
            return id;
        }
    }

    private void Remember(ChatRef chat, IReadOnlyList<IReadOnlyList<Button>>? rows, StringBuilder text)
    {
        var buttons = rows?.SelectMany(row => row).ToList() ?? [];
        _lastButtons[chat.Key] = buttons;
        for (var i = 0; i < buttons.Count; i++)
        {
            text.Append('\n').Append('[').Append(i + 1).Append("] ").Append(buttons[i].Label);
        }
    }

    private static string Save(string? folder, string fileName, byte[] content, Language language)
    {
        if (folder is null)
        {
            return ConsoleTexts.Size(fileName, content.Length).In(language);
        }

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Path.GetFileName(fileName));
        File.WriteAllBytes(path, content);
        return ConsoleTexts.Saved(fileName, content.Length, path).In(language);
    }

    private static string Caption(string? caption) => caption is null ? string.Empty : $"\n{caption}";

    private static string Indent(string text) => "机器人> " + text.Replace("\n", "\n         ", StringComparison.Ordinal);
}
