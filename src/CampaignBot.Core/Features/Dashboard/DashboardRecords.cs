namespace CampaignBot.Core.Features.Dashboard;

/// <summary>
/// A one-time sign-in link. Only the SHA-256 of its token is stored; the token itself is in the link the member
/// got. Used once (<see cref="UsedAt"/>), valid until <see cref="ExpiresAt"/>.
/// </summary>
public sealed record SignInLink(string TokenHash, string MemberId, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? UsedAt = null);

/// <summary>
/// A dashboard session: the SHA-256 of the cookie's value, whose member, and when it was last used (for the idle
/// timeout). A revoked session stays on record with <see cref="RevokedAt"/>.
/// </summary>
public sealed record DashboardSession(string IdHash, string MemberId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt, DateTimeOffset? RevokedAt = null);
