using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Sqlite;

/// <summary>
/// Rounds as JSON bodies, with the columns queries and keys need (unit, stage, code, status, opening time). The unique
/// index on (unit, stage) over the open rounds is the one-open-round-per-stage rule.
/// </summary>
internal sealed class SqliteEvaluationRoundStore(SqliteDatabase database) : IEvaluationRoundStore
{
    public Task<RoundCreation> CreateAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentException.ThrowIfNullOrWhiteSpace(round.Id, nameof(round));

        // One unit of the writer: the insert is refused by the id, the code or the open stage's unique index (under
        // concurrent openings and across processes on one file), and the read that tells which sees the same rows.
        return database.WriteAsync(
            async (write, token) =>
            {
                var insert = write.Command(
                    "INSERT INTO evaluation_rounds (id, unit_id, stage, code, status, opens_at, body) VALUES (@id, @unit, @stage, @code, @status, @opens, @body) "
                    + "ON CONFLICT DO NOTHING;");
                insert.Parameters.Set("@id", round.Id).Set("@unit", round.UnitId).Set("@stage", round.Stage).Set("@code", round.Code?.ToUpperInvariant())
                    .Set("@status", round.Status).Set("@opens", round.OpensAt).Set("@body", MessageJson.Serialize(round));
                if (await insert.ExecuteNonQueryAsync(token) == 1)
                {
                    return RoundCreation.Created;
                }

                var taken = write.Command("SELECT EXISTS (SELECT 1 FROM evaluation_rounds WHERE id = @id OR code = @code);");
                taken.Parameters.Set("@id", round.Id).Set("@code", round.Code?.ToUpperInvariant());
                return (long)(await taken.ExecuteScalarAsync(token))! == 1 ? RoundCreation.Taken : RoundCreation.StageOpen;
            },
            cancellationToken);
    }

    public Task<EvaluationRound?> GetAsync(string id, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        return database.QuerySingleAsync("SELECT body FROM evaluation_rounds WHERE id = @id;", p => p.Set("@id", id), Read, cancellationToken);
    }

    public Task<EvaluationRound?> FindByCodeAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return database.QuerySingleAsync(
            "SELECT body FROM evaluation_rounds WHERE code = @code;", p => p.Set("@code", code.Trim().ToUpperInvariant()), Read, cancellationToken);
    }

    public Task<IReadOnlyList<EvaluationRound>> ListAsync(string? unitId, CancellationToken cancellationToken) =>
        database.QueryAsync(
            "SELECT body FROM evaluation_rounds WHERE @unit IS NULL OR unit_id = @unit ORDER BY opens_at, id;",
            p => p.Set("@unit", unitId),
            Read,
            cancellationToken);

    public Task<bool> TryCloseAsync(string id, RoundResult result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(result);
        return database.WriteAsync((write, token) => TryCloseAsync(write, id, result, token), cancellationToken);
    }

    /// <summary>
    /// The count and the close in one unit of the writer: ballots go through the same writer and are refused once the
    /// round is closed (<see cref="SqliteBallotStore"/>), so every ballot is either in this count or refused.
    /// </summary>
    public Task<bool> TryCountAndCloseAsync(string id, IBallotStore ballots, Func<Tally, RoundResult> result, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(result);
        return database.WriteAsync(
            async (write, token) =>
            {
                var count = write.Command(SqliteBallotStore.TallySql);
                count.Parameters.Set("@round", id);
                var tally = SqliteBallotStore.ToTally(await SqliteDatabase.ReadAllAsync(count, SqliteBallotStore.TallyRow, token));
                return await TryCloseAsync(write, id, result(tally), token);
            },
            cancellationToken);
    }

    private static async Task<bool> TryCloseAsync(SqliteWrite write, string id, RoundResult result, CancellationToken cancellationToken)
    {
        var read = write.Command("SELECT body FROM evaluation_rounds WHERE id = @id AND status = 'Open';");
        read.Parameters.Set("@id", id);
        var rows = await SqliteDatabase.ReadAllAsync(read, Read, cancellationToken);
        if (rows.Count == 0)
        {
            return false;
        }

        var closed = rows[0] with { Status = RoundStatus.Closed, Result = result };
        // A round that schema step 11 left out of the open-stage index (a NULL stage) gets its stage back once closed.
        var update = write.Command("UPDATE evaluation_rounds SET status = @status, stage = @stage, body = @body WHERE id = @id;");
        update.Parameters.Set("@id", id).Set("@status", RoundStatus.Closed).Set("@stage", closed.Stage).Set("@body", MessageJson.Serialize(closed));
        await update.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static EvaluationRound Read(SqliteDataReader r) => MessageJson.Deserialize<EvaluationRound>(r.GetString(0));
}
