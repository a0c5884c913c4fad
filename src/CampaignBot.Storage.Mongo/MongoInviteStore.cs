namespace CampaignBot.Storage.Mongo;

internal sealed class MongoInviteStore(IMongoCollection<BsonDocument> invites) : IInviteStore
{
    // Set once the server has handed the standing's expressions back unevaluated (the test engine does).
    private volatile bool _withoutExpressions;
    private static readonly MongoRecords<Invite> Records = new(nameof(Invite.Code));

    public Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invite.MaxUses, nameof(invite));
        return Records.TryInsertAsync(invites, invite, cancellationToken);
    }

    public Task<Invite?> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return invites.FindOneAsync(ById(code), Records.FromDocument, cancellationToken);
    }

    public async Task<InviteStanding?> GetStandingAsync(string code, string memberId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);

        // The server counts the places and looks the member up; the redemption list never leaves it.
        var projection = new BsonDocument
        {
            { "unitId", 1 },
            { "role", 1 },
            { "maxUses", 1 },
            { "expiresAt", 1 },
            { "createdAt", 1 },
            { "name", 1 },
            { "rank", 1 },
            { "maxRank", 1 },
            { "revokedAt", 1 },
            { "uses", new BsonDocument("$size", "$redeemedBy") },
            { "mine", new BsonDocument("$in", new BsonArray { memberId, "$redeemedBy" }) },
        };
        if (_withoutExpressions)
        {
            return await ReadWholeAsync(code, memberId, cancellationToken);
        }

        var doc = await invites.Aggregate()
            .Match(ById(code))
            .Project(projection)
            .FirstOrDefaultAsync(cancellationToken);
        if (doc is null)
        {
            return null;
        }

        if (!doc["uses"].IsNumeric || !doc["mine"].IsBoolean)
        {
            // An engine without aggregation expressions (the test engine) hands the expressions back: read the list,
            // from now on without asking for the expressions first.
            _withoutExpressions = true;
            return await ReadWholeAsync(code, memberId, cancellationToken);
        }

        return new InviteStanding(Records.FromDocument(doc), doc.GetInt("uses"), doc["mine"].AsBoolean);
    }

    private async Task<InviteStanding?> ReadWholeAsync(string code, string memberId, CancellationToken cancellationToken) =>
        await invites.Find(ById(code)).FirstOrDefaultAsync(cancellationToken) is { } full ? StandingOf(Records.FromDocument(full), memberId) : null;

    public async Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);

        // A lost race means someone else took a place; at most MaxUses can, so this loop ends.
        while (true)
        {
            if (await GetStandingAsync(code, memberId, cancellationToken) is not { Invite: var invite } standing)
            {
                return RedeemResult.NotFound;
            }

            if (invite.RevokedAt is not null)
            {
                return RedeemResult.Revoked;
            }

            if (standing.RedeemedByMember)
            {
                return RedeemResult.AlreadyRedeemedByThisMember;
            }

            if (invite.ExpiresAt is { } expires && expires <= now)
            {
                return RedeemResult.Expired;
            }

            if (standing.Uses >= invite.MaxUses)
            {
                return RedeemResult.UsedUp;
            }

            // MaxUses never changes, so "the array has no element at index MaxUses-1" means a place is free;
            // together with "member not in it" this one conditional update is atomic on the server.
            var result = await invites.UpdateOneAsync(
                Filter.And(
                    ById(code),
                    Filter.Eq("revokedAt", BsonNull.Value),
                    Filter.Ne("redeemedBy", memberId),
                    Filter.Exists($"redeemedBy.{invite.MaxUses - 1}", exists: false)),
                Update.AddToSet("redeemedBy", memberId),
                cancellationToken: cancellationToken);
            if (result.ModifiedCount == 1)
            {
                return RedeemResult.Redeemed;
            }
        }
    }

    public Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken)
    {
        return invites.FindAllAsync(FilterDefinition<BsonDocument>.Empty, Sort.Ascending("createdAt").Ascending("_id"), Records.FromDocument, cancellationToken);
    }

    public async Task<bool> RevokeAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var result = await invites.UpdateOneAsync(
            Filter.And(ById(code), Filter.Eq("revokedAt", BsonNull.Value)),
            Update.Set("revokedAt", Date(at)),
            cancellationToken: cancellationToken);
        return result.ModifiedCount == 1;
    }

    private static InviteStanding StandingOf(Invite invite, string memberId) =>
        new(invite with { RedeemedBy = [] }, invite.Uses, invite.RedeemedBy.Contains(memberId, StringComparer.Ordinal));
}
