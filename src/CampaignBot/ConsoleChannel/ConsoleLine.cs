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

        // In a group, text is for the bot only when it starts with a mention ("@助手 …"), as in a real group chat.
        return (InboundContent?)ParseCommand(text) ?? new TextInput(text, chat.Kind == ChatKind.Private || text.StartsWith('@'));
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
