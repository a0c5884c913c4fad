using System.Buffers.Text;
using System.Security.Cryptography;

namespace CampaignBot.Core.Features.Dashboard;

public enum LinkRefusal
{
    None,
    NotAllowed,
    RateLimited,
}

/// <summary>A link just issued: the raw token exists only here and in the message to the member.</summary>
public sealed record IssuedLink(string Token, DateTimeOffset ExpiresAt);

/// <summary>A request's signed-in viewer: the member as stored now, the session and what the member may see.</summary>
public sealed record DashboardViewer(Member Member, DashboardSession Session, DashboardScope Scope, string SessionToken);

/// <summary>
/// Sign-in without passwords: one-time links (random 256-bit token, stored as its SHA-256, valid for
/// <see cref="DashboardOptions.LinkLifetime"/>, used once, a few per member an hour) and sessions (another random
/// token in an HttpOnly cookie, stored hashed, ended by sign-out, the idle timeout, or the member losing access).
/// </summary>
public sealed class DashboardSignIn(IDashboardStore store, IMemberStore members, DashboardAccess access, IOptions<DashboardOptions> options, TimeProvider time)
{
    /// <summary>Touching the session at most this often keeps page loads from writing on every request.</summary>
    private static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);

    public async Task<(IssuedLink? Link, LinkRefusal Refusal)> IssueLinkAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!DashboardAccess.MayUse(member))
        {
            return (null, LinkRefusal.NotAllowed);
        }

        var o = options.Value;
        var now = time.GetUtcNow();
        if (await store.CountLinksSinceAsync(member.Id, now - o.LinkWindow, cancellationToken) >= o.LinksPerWindow)
        {
            return (null, LinkRefusal.RateLimited);
        }

        var token = NewToken();
        var expires = now + o.LinkLifetime;
        await store.AddLinkAsync(new SignInLink(Hash(token), member.Id, now, expires), cancellationToken);
        return (new IssuedLink(token, expires), LinkRefusal.None);
    }

    /// <summary>Whether the link could still be used (for the confirmation page); it is not used up by looking.</summary>
    public async Task<bool> IsLinkUsableAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return false;
        }

        var link = await store.GetLinkAsync(Hash(token!), cancellationToken);
        return link is { UsedAt: null } && link.ExpiresAt > time.GetUtcNow();
    }

    /// <summary>Uses the link and opens a session; null when the link is unknown, used, expired, or its member may no longer sign in.</summary>
    public async Task<string?> RedeemLinkAsync(string? token, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(token))
        {
            return null;
        }

        var link = await store.TryUseLinkAsync(Hash(token!), time.GetUtcNow(), cancellationToken);
        if (link is null)
        {
            return null;
        }

        var member = await members.GetAsync(link.MemberId, cancellationToken);
        return DashboardAccess.MayUse(member) ? await OpenSessionAsync(member!, cancellationToken) : null;
    }

    /// <summary>Opens a session for a member already identified (WeCom web OAuth); returns the cookie's value.</summary>
    public async Task<string> OpenSessionAsync(Member member, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(member);
        if (!DashboardAccess.MayUse(member))
        {
            throw new InvalidOperationException("This member may not use the dashboard.");
        }

        var token = NewToken();
        var now = time.GetUtcNow();
        await store.AddSessionAsync(new DashboardSession(Hash(token), member.Id, now, now), cancellationToken);
        return token;
    }

    /// <summary>The viewer of a session cookie, or null (no such session, revoked, idle too long, member gone or without access).</summary>
    public async Task<DashboardViewer?> ResolveAsync(string? sessionToken, CancellationToken cancellationToken)
    {
        if (!IsWellFormed(sessionToken))
        {
            return null;
        }

        var hash = Hash(sessionToken!);
        var session = await store.GetSessionAsync(hash, cancellationToken);
        var now = time.GetUtcNow();
        if (session is null || session.RevokedAt is not null)
        {
            return null;
        }

        if (now - session.LastSeenAt > options.Value.IdleTimeout)
        {
            await store.RevokeSessionAsync(hash, now, cancellationToken);
            return null;
        }

        // The member is read on every request, so a role taken away (or a deactivation) ends their sessions at once.
        var member = await members.GetAsync(session.MemberId, cancellationToken);
        if (!DashboardAccess.MayUse(member))
        {
            await store.RevokeMemberSessionsAsync(session.MemberId, now, cancellationToken);
            return null;
        }

        if (now - session.LastSeenAt >= TouchEvery)
        {
            await store.TouchSessionAsync(hash, now, cancellationToken);
        }

        return new DashboardViewer(member!, session, access.ScopeOf(member), sessionToken!);
    }

    public Task<bool> SignOutAsync(string? sessionToken, CancellationToken cancellationToken) =>
        IsWellFormed(sessionToken) ? store.RevokeSessionAsync(Hash(sessionToken!), time.GetUtcNow(), cancellationToken) : Task.FromResult(false);

    /// <summary>Ends every session of the member: what deactivating a member or taking their role calls.</summary>
    public Task<int> RevokeMemberAsync(string memberId, CancellationToken cancellationToken) =>
        store.RevokeMemberSessionsAsync(memberId, time.GetUtcNow(), cancellationToken);

    /// <summary>SHA-256 in lower-case hex: what the store keys links and sessions by.</summary>
    public static string Hash(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }

    /// <summary>32 random bytes, base64url (43 characters): safe in a URL and a cookie.</summary>
    public static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>A token as <see cref="NewToken"/> makes them; anything else is refused before the store is asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
