using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Rounds as JSON bodies, with the columns queries need (unit, code, status, opening time).</summary>
internal sealed class SqliteEvaluationRoundStore(SqliteDatabase database) : IEvaluationRoundStore
{
    private const int UniqueViolation = 19;

    public async Task<bool> CreateAsync(EvaluationRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentException.ThrowIfNullOrWhiteSpace(round.Id, nameof(round));
        try
        {
            await database.ExecuteAsync(
                "INSERT INTO evaluation_rounds (id, unit_id, code, status, opens_at, body) VALUES (@id, @unit, @code, @status, @opens, @body);",
                p => p.Set("@id", round.Id).Set("@unit", round.UnitId).Set("@code", round.Code?.ToUpperInvariant()).Set("@status", round.Status)
                    .Set("@opens", round.OpensAt).Set("@body", MessageJson.Serialize(round)),
                cancellationToken);
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == UniqueViolation)
        {
            return false;
        }
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
        var update = write.Command("UPDATE evaluation_rounds SET status = @status, body = @body WHERE id = @id;");
        update.Parameters.Set("@id", id).Set("@status", RoundStatus.Closed).Set("@body", MessageJson.Serialize(closed));
        await update.ExecuteNonQueryAsync(cancellationToken);
        return true;
    }

    private static EvaluationRound Read(SqliteDataReader r) => MessageJson.Deserialize<EvaluationRound>(r.GetString(0));
}
