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

    /// <summary>
    /// A mobile member's (流动党员) host unit (流入地), primary for study and activities; <see cref="UnitId"/> stays the home
    /// unit (流出地). Both units list the member; the city counts them once.
    /// </summary>
    public string? HostUnitId { get; init; }

    /// <summary>
    /// Set when the member was deactivated — by the office or the unit's secretary, or by being deleted from the WeCom
    /// address book: their records stay, they can no longer act.
    /// </summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    public bool IsActive => DeactivatedAt is null;

    /// <summary>
    /// Whether the member takes part in the campaign's own work (study, self-examination, pledges) and is counted and
    /// reminded for it: everyone but the campaign office and the supervisors, who organise and review it. A supervisor
    /// is filed under the unit they supervise and is not one of its members.
    /// </summary>
    public bool TakesPart => Role is not (Roles.CampaignOffice or Roles.Supervisor);

    /// <summary>The unit a member studies and takes part with: the host unit when there is one (以流入地为主).</summary>
    public string PrimaryUnitId => HostUnitId ?? UnitId;

    /// <summary>The language the member reads: the stored client language (English when it starts with "en"), else Chinese.</summary>
    public Messaging.Language Language => new Messaging.UserRef(UserId, null, LanguageCode).Language;

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

    /// <summary>A personal invite (from a member import) fixes the member's name, and with <see cref="Rank"/> their rank; null for a shared code.</summary>
    public string? Name { get; init; }

    public IReadOnlyList<string> RedeemedBy { get; init; } = [];

    /// <summary>The rank whoever redeems the code gets, without choosing (null: they choose); a personal invite always fixes it.</summary>
    public string? Rank { get; init; }

    /// <summary>The highest rank one may choose with this code (null: any); ranks are ordered highest first in the campaign.</summary>
    public string? MaxRank { get; init; }

    /// <summary>Set when the office revoked the code: it cannot be redeemed any more.</summary>
    public DateTimeOffset? RevokedAt { get; init; }

    public int Uses => RedeemedBy.Count;

    /// <summary>A personal invite (from a member import) names its holder and fixes their rank; anything else is a shared code.</summary>
    public bool IsPersonal => ToGrant().IsPersonal;

    /// <summary>What redeeming this code gives: its unit, role, and the name and rank rule.</summary>
    public InviteGrant ToGrant() => new(Code, UnitId, Role, Name, Rank, MaxRank);

    /// <summary>The ranks a member may register with under this invite, in the campaign's order.</summary>
    public IReadOnlyList<Campaign.RankDefinition> AllowedRanks(Campaign.CampaignDefinition campaign) => ToGrant().AllowedRanks(campaign);
}

/// <summary>
/// What an invite code grants whoever redeems it: the unit and the role; a rank fixed (<see cref="Rank"/>) or capped
/// (<see cref="MaxRank"/>); a personal code (from a member import) also the name. Registration keeps it while it asks the rest.
/// </summary>
public sealed record InviteGrant(string Code, string UnitId, string Role, string? Name, string? Rank, string? MaxRank)
{
    /// <summary>A personal code names its holder and fixes their rank.</summary>
    public bool IsPersonal => Name is not null && Rank is not null;

    /// <summary>The ranks one may register with under this grant, in the campaign's order (all when it neither fixes nor caps).</summary>
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
