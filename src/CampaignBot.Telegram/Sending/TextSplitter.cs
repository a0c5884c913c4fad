namespace CampaignBot.Telegram.Sending;

/// <summary>Splits long texts into Telegram-sized parts, on line boundaries where it can.</summary>
public static class TextSplitter
{
    public const int MaxMessageLength = 4096;

    public static IReadOnlyList<string> Split(string text, int maxLength = MaxMessageLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text;
        while (rest.Length > maxLength)
        {
            var cut = rest.LastIndexOf('\n', maxLength);
            if (cut > 0)
            {
                parts.Add(rest[..cut]);
                rest = rest[(cut + 1)..];
                continue;
            }

            // One line longer than a message: cut it, but never between the halves of a surrogate pair.
            var size = char.IsHighSurrogate(rest[maxLength - 1]) ? maxLength - 1 : maxLength;
            parts.Add(rest[..size]);
            rest = rest[size..];
        }

        parts.Add(rest);
        return parts;
    }
}
