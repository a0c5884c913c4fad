namespace CampaignBot.Core.Features.Registration;

/// <summary>Role codes as used in configuration and invite codes.</summary>
public static class Roles
{
    public const string CampaignOffice = "office";
    public const string Supervisor = "supervisor";
    public const string Secretary = "secretary";
    public const string Member = "member";
}

/// <summary>A registered participant (党员干部), reached on one channel.</summary>
public sealed record Member
{
    public required string Id { get; init; }

    public required string Channel { get; init; }

    public required string UserId { get; init; }

    public required string Name { get; init; }

    public required string Rank { get; init; }

    public required string UnitId { get; init; }

    public required string Role { get; init; }

    public string? LanguageCode { get; init; }

    public required DateTimeOffset RegisteredAt { get; init; }

    /// <summary>Set when the office or the unit's secretary deactivated the member: their records stay, they can no longer act.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>The member's private chat with the bot (on every channel here, its id is the user's id).</summary>
    public Messaging.ChatRef PrivateChat => new(Channel, UserId, Messaging.ChatKind.Private);

    public static string IdFor(string channel, string userId) => $"{channel}:{userId}";
}

/// <summary>
/// An invite code binding whoever redeems it to a unit and a role. <see cref="RedeemedBy"/> makes
/// redeeming idempotent: the same member redeeming twice uses one place.
/// </summary>
public sealed record Invite
{
    public required string Code { get; init; }

    public required string UnitId { get; init; }

    public required string Role { get; init; }

    public required int MaxUses { get; init; }

    public DateTimeOffset? ExpiresAt { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public IReadOnlyList<string> RedeemedBy { get; init; } = [];

    /// <summary>The rank whoever redeems the code gets, without choosing (null: they choose).</summary>
    public string? Rank { get; init; }

    /// <summary>The highest rank one may choose with this code (null: any); ranks are ordered highest first in the campaign.</summary>
    public string? MaxRank { get; init; }

    /// <summary>Set when the office revoked the code: it cannot be redeemed any more.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public int Uses => RedeemedBy.Count;

    /// <summary>The ranks a member may register with under this invite, in the campaign's order.</summary>
    public IReadOnlyList<Campaign.RankDefinition> AllowedRanks(Campaign.CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        if (Rank is not null)
        {
            return [.. campaign.Ranks.Where(r => r.Code == Rank)];
        }

        var highest = MaxRank is null ? 0 : campaign.Ranks.ToList().FindIndex(r => r.Code == MaxRank);
        return [.. campaign.Ranks.Skip(Math.Max(0, highest))];
    }
}

public enum RedeemResult
{
    Redeemed,
    AlreadyRedeemedByThisMember,
    NotFound,
    Expired,
    UsedUp,
    Revoked,
}
