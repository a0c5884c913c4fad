namespace CampaignBot.Telegram.Sending;

/// <summary>Removes the bot token from text that may reach a log, a stored reason or an export.</summary>
public sealed class TokenRedactor(string token)
{
    public const string Mask = "[token]";

    private readonly string _secretPart = token.Contains(':', StringComparison.Ordinal) ? token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..] : token;

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || _secretPart.Length == 0)
        {
            return text ?? "";
        }

        return text.Replace(token, Mask, StringComparison.Ordinal).Replace(_secretPart, Mask, StringComparison.Ordinal);
    }
}
