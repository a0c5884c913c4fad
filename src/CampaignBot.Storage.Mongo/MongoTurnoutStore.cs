using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Mongo;

/// <summary>Turnout in its own collection, unique on (roundId, voterId); no choice is ever written here.</summary>
internal sealed class MongoTurnoutStore(IMongoCollection<BsonDocument> turnout) : ITurnoutStore
{
    public async Task AddAsync(TurnoutEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.RoundId, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.VoterId, nameof(entry));
        var doc = new BsonDocument
        {
            { "roundId", entry.RoundId },
            { "voterId", entry.VoterId },
            { "chat", MessageJson.Serialize(entry.Chat) },
            { "voted", entry.Voted },
        };
        await TryInsertAsync(turnout, doc, cancellationToken);
    }

    public Task<TurnoutEntry?> GetAsync(string roundId, string voterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterId);
        return turnout.FindOneAsync(Key(roundId, voterId), Read, cancellationToken);
    }

    public async Task<bool> MarkVotedAsync(string roundId, string voterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterId);
        var result = await turnout.UpdateOneAsync(Key(roundId, voterId), Update.Set("voted", true), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public Task<IReadOnlyList<TurnoutEntry>> ListAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        return turnout.FindAllAsync(Filter.Eq("roundId", roundId), Sort.Ascending("voterId"), Read, cancellationToken);
    }

    private static FilterDefinition<BsonDocument> Key(string roundId, string voterId) =>
        Filter.And(Filter.Eq("roundId", roundId), Filter.Eq("voterId", voterId));

    private static TurnoutEntry Read(BsonDocument d) =>
        new(d["roundId"].AsString, d["voterId"].AsString, MessageJson.Deserialize<ChatRef>(d["chat"].AsString), d["voted"].AsBoolean);
}
