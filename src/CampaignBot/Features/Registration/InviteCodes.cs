using System.Security.Cryptography;

namespace CampaignBot.Features.Registration;

/// <summary>Invite codes people can read aloud and type: no 0/O, 1/I/L.</summary>
public static class InviteCodes
{
    public const int Length = 8;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, Length);
}
