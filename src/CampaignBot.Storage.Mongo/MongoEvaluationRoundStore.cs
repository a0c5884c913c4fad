using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Mongo;

/// <summary>Rounds as JSON bodies plus the fields queries need. A code round's code is its own _id-like key in "codes".</summary>
internal sealed class MongoEvaluationRoundStore(IMongoCollection<BsonDocument> rounds) : IEvaluationRoundStore
{
    public async Task<bool> CreateAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentException.ThrowIfNullOrWhiteSpace(round.Id, nameof(round));
        if (round.Code is { } code && await FindByCodeAsync(code, cancellationToken) is not null)
        {
            return false;
        }

        var doc = new BsonDocument
        {
            { "_id", round.Id },
            { "unitId", round.UnitId },
            { "code", Text(round.Code?.ToUpperInvariant()) },
            { "status", round.Status.ToString() },
            { "opensAt", Date(round.OpensAt) },
            { "body", MessageJson.Serialize(round) },
        };
        return await TryInsertAsync(rounds, doc, cancellationToken);
    }

    public Task<EvaluationRound?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return rounds.FindOneAsync(ById(id), Read, cancellationToken);
    }

    public Task<EvaluationRound?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return rounds.FindOneAsync(Filter.Eq("code", code.Trim().ToUpperInvariant()), Read, cancellationToken);
    }

    public Task<IReadOnlyList<EvaluationRound>> ListAsync(string? unitId, CancellationToken cancellationToken)
    {
        var filter = unitId is null ? FilterDefinition<BsonDocument>.Empty : Filter.Eq("unitId", unitId);
        return rounds.FindAllAsync(filter, Sort.Ascending("opensAt").Ascending("_id"), Read, cancellationToken);
    }

    public async Task<bool> TryCloseAsync(string id, RoundResult result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(result);
        var round = await GetAsync(id, cancellationToken);
        if (round is not { Status: RoundStatus.Open })
        {
            return false;
        }

        // Conditional on "still open": of two closers, exactly one changes the document.
        var closed = round with { Status = RoundStatus.Closed, Result = result };
        var update = await rounds.UpdateOneAsync(
            Filter.And(ById(id), Filter.Eq("status", nameof(RoundStatus.Open))),
            Update.Set("status", nameof(RoundStatus.Closed)).Set("body", MessageJson.Serialize(closed)),
            cancellationToken: cancellationToken);
        return update.ModifiedCount == 1;
    }

    private static EvaluationRound Read(BsonDocument doc) => MessageJson.Deserialize<EvaluationRound>(doc["body"].AsString);
}
