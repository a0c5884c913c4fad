using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Ballots keyed by (round, voter hash): the primary key is the one-vote rule.</summary>
internal sealed class SqliteBallotStore(SqliteDatabase database) : IBallotStore
{
    private readonly SqliteTable<Ballot> _ballots = new(database, "ballots", "round_id, voter_hash, choice, cast_at", Read, keyColumns: 2);

    public Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, CancellationToken cancellationToken)
    {
        BallotRules.Check(ballot);

        // One unit of work for the writer: the read and the write cannot interleave with another voter's press.
        return database.WriteAsync((write, token) => CastAsync(write, ballot, allowChange, token), cancellationToken);
    }

    public Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, InboxRedaction forget, CancellationToken cancellationToken)
    {
        BallotRules.Check(ballot);
        ArgumentNullException.ThrowIfNull(forget);
        ArgumentException.ThrowIfNullOrWhiteSpace(forget.InboxId, nameof(forget));
        ArgumentException.ThrowIfNullOrWhiteSpace(forget.Payload, nameof(forget));

        // The ballot and the cut copy of the press commit together: one unit, one wait for the writer instead of two.
        return database.WriteAsync(
            async (write, token) =>
            {
                var outcome = await CastAsync(write, ballot, allowChange, token);
                var redact = write.Command(SqliteInboxStore.RedactSql);
                redact.Parameters.Set("@id", forget.InboxId).Set("@payload", forget.Payload);
                await redact.ExecuteNonQueryAsync(token);
                return outcome;
            },
            cancellationToken);
    }

    private static async Task<CastOutcome> CastAsync(SqliteWrite write, Ballot ballot, bool allowChange, CancellationToken cancellationToken)
    {
        // Most presses are a voter's first: try the insert, and read the stored choice only when the key was taken. A
        // closed round takes no ballot: the close counts in the same writer, so a ballot is counted or refused, never lost.
        var insert = write.Command(
            "INSERT INTO ballots (round_id, voter_hash, choice, cast_at) SELECT @round, @voter, @choice, @at WHERE NOT EXISTS "
            + "(SELECT 1 FROM evaluation_rounds WHERE id = @round AND status <> 'Open') ON CONFLICT DO NOTHING;");
        insert.Parameters.Set("@round", ballot.RoundId).Set("@voter", ballot.VoterHash).Set("@choice", ballot.Choice).Set("@at", ballot.CastAt);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return CastOutcome.Recorded;
        }

        var read = write.Command("SELECT choice FROM ballots WHERE round_id = @round AND voter_hash = @voter;");
        read.Parameters.Set("@round", ballot.RoundId).Set("@voter", ballot.VoterHash);
        var existing = (string?)await read.ExecuteScalarAsync(cancellationToken);
        if (existing is null)
        {
            // The insert took nothing and no ballot of this voter is there: the round is closed.
            return CastOutcome.RoundClosed;
        }

        var outcome = existing == ballot.Choice ? CastOutcome.Unchanged : allowChange ? CastOutcome.Changed : CastOutcome.AlreadyVoted;
        if (outcome == CastOutcome.Changed)
        {
            var change = write.Command(
                "UPDATE ballots SET choice = @choice, cast_at = @at WHERE round_id = @round AND voter_hash = @voter AND NOT EXISTS "
                + "(SELECT 1 FROM evaluation_rounds WHERE id = @round AND status <> 'Open');");
            change.Parameters.Set("@round", ballot.RoundId).Set("@voter", ballot.VoterHash).Set("@choice", ballot.Choice).Set("@at", ballot.CastAt);
            return await change.ExecuteNonQueryAsync(cancellationToken) == 1 ? outcome : CastOutcome.RoundClosed;
        }

        return outcome;
    }

    public async Task<bool> HasVotedAsync(string roundId, string voterHash, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterHash);
        var rows = await database.QueryAsync(
            "SELECT 1 FROM ballots WHERE round_id = @round AND voter_hash = @voter;",
            p => p.Set("@round", roundId).Set("@voter", voterHash),
            r => r.GetInt64(0),
            cancellationToken);
        return rows.Count > 0;
    }

    /// <summary>The official count of a round (<c>@round</c>): one row per choice with its number of ballots.</summary>
    internal const string TallySql = "SELECT choice, COUNT(*) FROM ballots WHERE round_id = @round GROUP BY choice;";

    public async Task<Tally> TallyAsync(string roundId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        return ToTally(await database.QueryAsync(TallySql, p => p.Set("@round", roundId), TallyRow, cancellationToken));
    }

    /// <summary>One row of <see cref="TallySql"/>.</summary>
    internal static (string Choice, long Count) TallyRow(SqliteDataReader r) => (r.GetString(0), r.GetInt64(1));

    internal static Tally ToTally(IEnumerable<(string Choice, long Count)> rows) =>
        new(rows.ToDictionary(r => r.Choice, r => r.Count, StringComparer.Ordinal));

    public Task<IReadOnlyList<Ballot>> ListAsync(string roundId, CancellationToken cancellationToken) =>
        _ballots.ListByAsync("round_id", roundId, "voter_hash", cancellationToken);

    private static Ballot Read(SqliteDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.Time(3));
}
