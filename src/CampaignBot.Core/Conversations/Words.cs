namespace CampaignBot.Core.Conversations;

/// <summary>Reading a command's arguments word by word, and quoting what someone typed back to them briefly.</summary>
public static class Words
{
    /// <summary>The first word and the rest, trimmed.</summary>
    public static (string Word, string Remainder) Split(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var space = trimmed.IndexOfAny([' ', '\n']);
        return space < 0 ? (trimmed, string.Empty) : (trimmed[..space], trimmed[(space + 1)..].Trim());
    }

    /// <summary>A typed value cut to <paramref name="max"/> characters, so a 10,000-character id is not echoed back whole.</summary>
    public static string Short(string value, int max = 24)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= max ? value : value[..max] + "…";
    }
}
