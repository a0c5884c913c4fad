using CampaignBot.Core.Features.Dashboard;

namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Sign-in links and sessions, _id = the hash. Using a link is one conditional updateOne (unused, not expired), so
/// of two racing uses exactly one matches; the link is read before, and only the winner's read is returned.
/// </summary>
internal sealed class MongoDashboardStore(IMongoCollection<BsonDocument> links, IMongoCollection<BsonDocument> sessions) : IDashboardStore
{
    private static readonly MongoRecords<SignInLink> LinkRecords = new(nameof(SignInLink.TokenHash));
    private static readonly MongoRecords<DashboardSession> SessionRecords = new(nameof(DashboardSession.IdHash));

    public Task<bool> AddLinkAsync(SignInLink link, CancellationToken cancellationToken) => LinkRecords.TryInsertAsync(links, link, cancellationToken);

    public Task<SignInLink?> GetLinkAsync(string tokenHash, CancellationToken cancellationToken) =>
        links.FindOneAsync(ById(tokenHash), LinkRecords.FromDocument, cancellationToken);

    public async Task<SignInLink?> TryUseLinkAsync(string tokenHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = await GetLinkAsync(tokenHash, cancellationToken);
        if (before is not { UsedAt: null } || before.ExpiresAt <= now)
        {
            return null;
        }

        var result = await links.UpdateOneAsync(
            Filter.And(ById(tokenHash), Filter.Eq("usedAt", BsonNull.Value), Filter.Gt("expiresAt", Date(now))),
            Update.Set("usedAt", Date(now)),
            cancellationToken: cancellationToken);
        return result.ModifiedCount == 1 ? before : null;
    }

    public async Task<int> CountLinksSinceAsync(string memberId, DateTimeOffset since, CancellationToken cancellationToken) =>
        (int)await links.CountDocumentsAsync(Filter.And(Filter.Eq("memberId", memberId), Filter.Gte("createdAt", Date(since))), cancellationToken: cancellationToken);

    public Task<bool> AddSessionAsync(DashboardSession session, CancellationToken cancellationToken) => SessionRecords.TryInsertAsync(sessions, session, cancellationToken);

    public Task<DashboardSession?> GetSessionAsync(string idHash, CancellationToken cancellationToken) =>
        sessions.FindOneAsync(ById(idHash), SessionRecords.FromDocument, cancellationToken);

    public async Task<bool> TouchSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // A conditional set rather than $max (which the test engine lacks): the time never moves backwards.
        var open = Filter.And(ById(idHash), Filter.Eq("revokedAt", BsonNull.Value));
        var result = await sessions.UpdateOneAsync(Filter.And(open, Filter.Lt("lastSeenAt", Date(now))), Update.Set("lastSeenAt", Date(now)), cancellationToken: cancellationToken);
        return result.ModifiedCount == 1 || await sessions.CountDocumentsAsync(open, cancellationToken: cancellationToken) == 1;
    }

    public async Task<bool> RevokeSessionAsync(string idHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await sessions.UpdateOneAsync(
            Filter.And(ById(idHash), Filter.Eq("revokedAt", BsonNull.Value)),
            Update.Set("revokedAt", Date(now)),
            cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    public async Task<int> RevokeMemberSessionsAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var result = await sessions.UpdateManyAsync(
            Filter.And(Filter.Eq("memberId", memberId), Filter.Eq("revokedAt", BsonNull.Value)),
            Update.Set("revokedAt", Date(now)),
            cancellationToken: cancellationToken);
        return (int)result.ModifiedCount;
    }
}
