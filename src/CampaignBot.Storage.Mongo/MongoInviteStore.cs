using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Storage;
using MongoDB.Bson;
using MongoDB.Driver;
using static CampaignBot.Storage.Mongo.MongoBson;

namespace CampaignBot.Storage.Mongo;

internal sealed class MongoInviteStore(IMongoCollection<BsonDocument> invites) : IInviteStore
{
    public Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(invite);
        ArgumentException.ThrowIfNullOrWhiteSpace(invite.Code, nameof(invite));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(invite.MaxUses, nameof(invite));
        var doc = new BsonDocument
        {
            { "_id", invite.Code },
            { "unitId", invite.UnitId },
            { "role", invite.Role },
            { "maxUses", invite.MaxUses },
            { "expiresAt", Date(invite.ExpiresAt) },
            { "createdAt", Date(invite.CreatedAt) },
            { "redeemedBy", new BsonArray(invite.RedeemedBy) },
            { "name", Text(invite.Name) },
            { "rank", Text(invite.Rank) },
        };
        return TryInsertAsync(invites, doc, cancellationToken);
    }

    public async Task<Invite?> GetAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var doc = await invites.Find(ById(code)).FirstOrDefaultAsync(cancellationToken);
        return doc is null ? null : FromDocument(doc);
    }

    public async Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(memberId);

        // A lost race means someone else took a place; at most MaxUses can, so this loop ends.
        while (true)
        {
            var invite = await GetAsync(code, cancellationToken);
            if (invite is null)
            {
                return RedeemResult.NotFound;
            }

            if (invite.RedeemedBy.Contains(memberId, StringComparer.Ordinal))
            {
                return RedeemResult.AlreadyRedeemedByThisMember;
            }

            if (invite.ExpiresAt is { } expires && expires <= now)
            {
                return RedeemResult.Expired;
            }

            if (invite.Uses >= invite.MaxUses)
            {
                return RedeemResult.UsedUp;
            }

            // MaxUses never changes, so "the array has no element at index MaxUses-1" means a place is free;
            // together with "member not in it" this one conditional update is atomic on the server.
            var result = await invites.UpdateOneAsync(
                Filter.And(
                    ById(code),
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

    public async Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken)
    {
        var docs = await invites.Find(FilterDefinition<BsonDocument>.Empty).Sort(Sort.Ascending("createdAt").Ascending("_id")).ToListAsync(cancellationToken);
        return docs.ConvertAll(FromDocument);
    }

    public async Task<bool> ExpireAsync(string code, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        await invites.UpdateOneAsync(
            Filter.And(ById(code), Filter.Or(Filter.Eq("expiresAt", BsonNull.Value), Filter.Gt("expiresAt", Date(at)))),
            Update.Set("expiresAt", Date(at)),
            cancellationToken: cancellationToken);
        return await invites.Find(ById(code)).AnyAsync(cancellationToken);
    }

    private static Invite FromDocument(BsonDocument doc) => new()
    {
        Code = doc["_id"].AsString,
        UnitId = doc["unitId"].AsString,
        Role = doc["role"].AsString,
        MaxUses = doc.GetInt("maxUses"),
        ExpiresAt = doc.GetNullableDate("expiresAt"),
        CreatedAt = doc.GetDate("createdAt"),
        RedeemedBy = [.. doc["redeemedBy"].AsBsonArray.Select(v => v.AsString)],
        Name = doc.GetNullableString("name"),
        Rank = doc.GetNullableString("rank"),
    };
}
