using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Mongo;

/// <summary>Ballots under the unique index (roundId, voterHash); a duplicate key is a second press of the same voter.</summary>
internal sealed class MongoBallotStore(IMongoCollection<BsonDocument> ballots, IInboxStore inbox) : IBallotStore
{
    public async Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, InboxRedaction forget, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(forget);
        var outcome = await CastAsync(ballot, allowChange, cancellationToken);
        await inbox.RedactAsync(forget.InboxId, forget.Payload, cancellationToken);
        return outcome;
    }

    public async Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, CancellationToken cancellationToken)
    {
        BallotRules.Check(ballot);
        // An _id of the key, not a driver's ObjectId: an ObjectId holds the second it was made, which would date the vote.
        var doc = new BsonDocument
        {
            { "_id", ballot.RoundId + ":" + ballot.VoterHash },
            { "roundId", ballot.RoundId },
            { "voterHash", ballot.VoterHash },
            { "choice", ballot.Choice },
            { "castAt", Date(ballot.CastAt) },
        };
        if (await TryInsertAsync(ballots, doc, cancellationToken))
        {
            return CastOutcome.Recorded;
        }

        var key = Filter.And(Filter.Eq("roundId", ballot.RoundId), Filter.Eq("voterHash", ballot.VoterHash));
        var existing = await ballots.Find(key).FirstOrDefaultAsync(cancellationToken);
        if (existing is null || existing["choice"].AsString == ballot.Choice)
        {
            return CastOutcome.Unchanged;
        }

        if (!allowChange)
        {
            return CastOutcome.AlreadyVoted;
        }

        await ballots.UpdateOneAsync(key, Update.Set("choice", ballot.Choice).Set("castAt", Date(ballot.CastAt)), cancellationToken: cancellationToken);
        return CastOutcome.Changed;
    }

    public async Task<bool> HasVotedAsync(string roundId, string voterHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterHash);
        var key = Filter.And(Filter.Eq("roundId", roundId), Filter.Eq("voterHash", voterHash));
        return await ballots.Find(key).Limit(1).CountDocumentsAsync(cancellationToken) > 0;
    }

    public async Task<Tally> TallyAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        var groups = await ballots.Aggregate()
            .Match(Filter.Eq("roundId", roundId))
            .Group(new BsonDocument { { "_id", "$choice" }, { "count", new BsonDocument("$sum", 1) } })
            .ToListAsync(cancellationToken);
        return new Tally(groups.ToDictionary(g => g["_id"].AsString, g => g["count"].ToInt64(), StringComparer.Ordinal));
    }

    public async Task<IReadOnlyList<Ballot>> ListAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        var docs = await ballots.Find(Filter.Eq("roundId", roundId)).Sort(Sort.Ascending("voterHash")).ToListAsync(cancellationToken);
        return docs.ConvertAll(d => new Ballot(d["roundId"].AsString, d["voterHash"].AsString, d["choice"].AsString, d.GetDate("castAt")));
    }
}
