using System.Security.Cryptography;

namespace CampaignBot.Core.Conversations;

/// <summary>
/// The compact reference a button carries: "flow:token:value". The token ties the button to the prompt that
/// showed it, so a press on an older message is recognised; nothing in a payload is trusted beyond that.
/// </summary>
public sealed record ButtonPayload(string Flow, string Token, string Value)
{
    public const int MaxValueLength = 40;

    public override string ToString() => $"{Flow}:{Token}:{Value}";

    public static ButtonPayload? Parse(string? raw)
    {
        if (string.IsNullOrEmpty(raw) || raw.Length > Messaging.Button.MaxPayloadBytes)
        {
            return null;
        }

        var parts = raw.Split(':', 3);
        if (parts.Length != 3 || parts[0].Length is 0 or > 12 || parts[1].Length is 0 or > 12 || parts[2].Length is 0 or > MaxValueLength)
        {
            return null;
        }

        return parts.All(IsPlain) ? new ButtonPayload(parts[0], parts[1], parts[2]) : null;
    }

    public static string TokenFor(string updateId, long sessionVersion)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{updateId}/{sessionVersion}"));
        return Convert.ToHexString(hash, 0, 3).ToLowerInvariant();
    }

    private static bool IsPlain(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}
