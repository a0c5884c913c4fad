using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Mongo;

/// <summary>
/// Rounds as JSON bodies plus the fields queries and keys need. A code round's code is its own _id-like key in "codes".
/// The partial unique index on (unitId, stage) over the open rounds (<see cref="OpenStageIndex"/>) is the
/// one-open-round-per-stage rule, whatever instance opens the round.
/// </summary>
internal sealed class MongoEvaluationRoundStore(IMongoCollection<BsonDocument> rounds) : IEvaluationRoundStore
{
    /// <summary>
    /// Unique on (unitId, stage) among the open rounds whose stage is a string: a round stored before the stage field was
    /// filled in by <see cref="AddStagesAsync"/>, and one the old check let open beside another of its stage keeps a null
    /// stage until it closes.
    /// </summary>
    public static CreateIndexModel<BsonDocument> OpenStageIndex => new(
        Builders<BsonDocument>.IndexKeys.Ascending("unitId").Ascending("stage"),
        new CreateIndexOptions<BsonDocument>
        {
            Unique = true,
            Name = "unit_open_stage_unique",
            PartialFilterExpression = Filter.And(Filter.Eq("status", nameof(RoundStatus.Open)), Filter.Type("stage", BsonType.String)),
        });

    public async Task<RoundCreation> CreateAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentException.ThrowIfNullOrWhiteSpace(round.Id, nameof(round));
        if (round.Code is { } code && await FindByCodeAsync(code, cancellationToken) is not null)
        {
            return RoundCreation.Taken;
        }

        var doc = new BsonDocument
        {
            { "_id", round.Id },
            { "unitId", round.UnitId },
            { "stage", round.Stage },
            { "code", Text(round.Code?.ToUpperInvariant()) },
            { "status", round.Status.ToString() },
            { "opensAt", Date(round.OpensAt) },
            { "body", MessageJson.Serialize(round) },
        };
        if (await TryInsertAsync(rounds, doc, cancellationToken))
        {
            return RoundCreation.Created;
        }

        // Two unique keys can refuse the insert: the id, or the open stage's index. Rounds are never deleted, so an id
        // that refused it is still there.
        return await GetAsync(round.Id, cancellationToken) is not null ? RoundCreation.Taken : RoundCreation.StageOpen;
    }

    /// <summary>
    /// Gives each round stored without a stage field (before the open-stage index) its stage, oldest first, after the
    /// index exists. Such rounds were opened under a check that two openings at once could both pass, so a unit may
    /// hold two open rounds of one stage: both stay open; the earliest takes the stage in the index, and a later one the
    /// index refuses gets a null stage (outside the index) until it closes. Safe to run from two instances at once.
    /// </summary>
    public static async Task AddStagesAsync(IMongoCollection<BsonDocument> rounds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rounds);
        var without = await rounds.FindAllAsync(Filter.Exists("stage", false), Sort.Ascending("opensAt").Ascending("_id"), doc => doc, cancellationToken);
        foreach (var doc in without)
        {
            var stillWithout = Filter.And(ById(doc["_id"].AsString), Filter.Exists("stage", false));
            try
            {
                await rounds.UpdateOneAsync(stillWithout, Update.Set("stage", Read(doc).Stage), cancellationToken: cancellationToken);
            }
            catch (MongoException ex) when (IsDuplicateKey(ex))
            {
                await rounds.UpdateOneAsync(stillWithout, Update.Set("stage", BsonNull.Value), cancellationToken: cancellationToken);
            }
        }
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

        // Conditional on "still open": of two closers, exactly one changes the document. A round left out of the
        // open-stage index (a null stage, see AddStagesAsync) gets its stage back once closed.
        var closed = round with { Status = RoundStatus.Closed, Result = result };
        var update = await rounds.UpdateOneAsync(
            Filter.And(ById(id), Filter.Eq("status", nameof(RoundStatus.Open))),
            Update.Set("status", nameof(RoundStatus.Closed)).Set("stage", closed.Stage).Set("body", MessageJson.Serialize(closed)),
            cancellationToken: cancellationToken);
        return update.ModifiedCount == 1;
    }

    private static EvaluationRound Read(BsonDocument doc) => MessageJson.Deserialize<EvaluationRound>(doc["body"].AsString);
}
