namespace CampaignBot.Core.Features.Dashboard;

/// <summary>Sign-in links and sessions of the web dashboard, keyed by the hash of their secret.</summary>
public interface IDashboardStore
{
    /// <summary>Stores a new link; false when its hash exists already.</summary>
    Task<bool> AddLinkAsync(SignInLink link, CancellationToken cancellationToken);

    Task<SignInLink?> GetLinkAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the link used at <paramref name="now"/> when it is unused and not expired, atomically: of two
    /// racing redemptions one wins. Returns the link as it was before, or null when nothing was marked.
    /// </summary>
    Task<SignInLink?> TryUseLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>How many links the member was given at or after <paramref name="since"/> (the rate limit).</summary>
    Task<int> CountLinksSinceAsync(string memberId, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Stores a new session; false when its hash exists already.</summary>
    Task<bool> AddSessionAsync(DashboardSession session, CancellationToken cancellationToken);

    Task<DashboardSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken);

    /// <summary>Moves the session's last use to <paramref name="now"/> (never backwards); false when it is missing or revoked.</summary>
    Task<bool> TouchSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes one session (sign-out); false when it is missing or revoked already.</summary>
    Task<bool> RevokeSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Revokes every open session of the member (deactivated, or role taken away); returns how many.</summary>
    Task<int> RevokeMemberSessionsAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken);
}
