using CampaignBot.Core.Features.Dashboard;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Sign-in links and sessions; using a link is one conditional UPDATE, so of two racing uses one wins.</summary>
internal sealed class SqliteDashboardStore(SqliteDatabase database) : IDashboardStore
{
    private readonly SqliteTable<SignInLink> _links = new(database, "dashboard_links", "token_hash, member_id, created_at, expires_at, used_at", ReadLink);
    private readonly SqliteTable<DashboardSession> _sessions = new(database, "dashboard_sessions", "id_hash, member_id, created_at, last_seen_at, revoked_at", ReadSession);

    public Task<bool> AddLinkAsync(SignInLink link, CancellationToken cancellationToken) => _links.TryInsertAsync(link, cancellationToken);

    public Task<SignInLink?> GetLinkAsync(string tokenHash, CancellationToken cancellationToken) => _links.GetAsync(tokenHash, cancellationToken);

    public async Task<SignInLink?> TryUseLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // RETURNING gives the row as updated; the link as it was differs only in used_at.
        var used = await database.QuerySingleAsync(
            $"UPDATE dashboard_links SET used_at = @now WHERE token_hash = @hash AND used_at IS NULL AND expires_at > @now RETURNING {_links.Columns};",
            p => p.Set("@hash", tokenHash).Set("@now", now),
            ReadLink,
            cancellationToken);
        return used is null ? null : used with { UsedAt = null };
    }

    public async Task<int> CountLinksSinceAsync(string memberId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var counts = await database.QueryAsync(
            "SELECT COUNT(*) FROM dashboard_links WHERE member_id = @member AND created_at >= @since;",
            p => p.Set("@member", memberId).Set("@since", since),
            r => r.GetInt64(0),
            cancellationToken);
        return (int)counts[0];
    }

    public Task<bool> AddSessionAsync(DashboardSession session, CancellationToken cancellationToken) => _sessions.TryInsertAsync(session, cancellationToken);

    public Task<DashboardSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken) => _sessions.GetAsync(idHash, cancellationToken);

    public Task<bool> TouchSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ChangesOneAsync(
            "UPDATE dashboard_sessions SET last_seen_at = MAX(last_seen_at, @now) WHERE id_hash = @hash AND revoked_at IS NULL;",
            p => p.Set("@hash", idHash).Set("@now", now),
            cancellationToken);

    public Task<bool> RevokeSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ChangesOneAsync(
            "UPDATE dashboard_sessions SET revoked_at = @now WHERE id_hash = @hash AND revoked_at IS NULL;",
            p => p.Set("@hash", idHash).Set("@now", now),
            cancellationToken);

    public Task<int> RevokeMemberSessionsAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE dashboard_sessions SET revoked_at = @now WHERE member_id = @member AND revoked_at IS NULL;",
            p => p.Set("@member", memberId).Set("@now", now),
            cancellationToken);

    private static SignInLink ReadLink(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.Time(2), r.Time(3), r.TimeOrNull(4));

    private static DashboardSession ReadSession(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.Time(2), r.Time(3), r.TimeOrNull(4));
}
