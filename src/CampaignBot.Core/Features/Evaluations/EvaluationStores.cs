namespace CampaignBot.Core.Features.Evaluations;

/// <summary>What <see cref="IEvaluationRoundStore.CreateAsync"/> came to.</summary>
public enum RoundCreation
{
    /// <summary>The round is stored.</summary>
    Created,

    /// <summary>Nothing stored: a round with its id (or its code) exists already (a re-run of the opening update, or a clash).</summary>
    Taken,

    /// <summary>Nothing stored: the unit already has an open round of the stage. Closing that round frees the stage.</summary>
    StageOpen,
}

/// <summary>
/// Evaluation rounds. Never deleted: the history of a unit's rounds is the record of its 补课. At most one round per
/// (unit, stage) is open at a time, and the store keeps that rule itself (a partial unique index in SQLite and MongoDB),
/// so two hosts or two conversations opening the same stage at once store one round.
/// </summary>
public interface IEvaluationRoundStore
{
    /// <summary>
    /// Stores a new round; <see cref="RoundCreation.Taken"/> when a round with its id (or its code) exists already,
    /// <see cref="RoundCreation.StageOpen"/> when the new round is open and its unit has an open round of its stage.
    /// </summary>
    Task<RoundCreation> CreateAsync(EvaluationRound round, CancellationToken cancellationToken);

    Task<EvaluationRound?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>The round of a <see cref="RoundAudience.Code"/> audience by its code (case-insensitive).</summary>
    Task<EvaluationRound?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    /// <summary>Rounds of one unit, or of all units when null, oldest first (by opening time, then id).</summary>
    Task<IReadOnlyList<EvaluationRound>> ListAsync(string? unitId, CancellationToken cancellationToken);

    /// <summary>Closes an open round with its result, atomically; false when it was closed already (the first close wins).</summary>
    Task<bool> TryCloseAsync(string id, RoundResult result, CancellationToken cancellationToken);

    /// <summary>
    /// Counts the round's ballots and closes it with the result made from that count; false when it was closed already.
    /// Where the store can (SQLite: one unit of its writer, with ballots refused once the round is closed), the count
    /// and the close are one step, so a ballot is either counted or refused. Otherwise (here, by default, and on
    /// MongoDB) the count comes first and a press handled in the same instant can be stored but not counted.
    /// </summary>
    async Task<bool> TryCountAndCloseAsync(string id, IBallotStore ballots, Func<Tally, RoundResult> result, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ballots);
        ArgumentNullException.ThrowIfNull(result);
        return await TryCloseAsync(id, result(await ballots.TallyAsync(id, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Ballots, unique on (round id, voter hash): at most one per voter per round, under concurrent presses and across
/// instances (a primary key in SQLite, a unique index in MongoDB). No user id is ever stored here.
/// </summary>
public interface IBallotStore
{
    /// <summary>
    /// Casts the ballot. A second ballot of the same voter hash in the round is <see cref="CastOutcome.Unchanged"/>
    /// when it names the same choice, replaces the choice when <paramref name="allowChange"/> is true, and is
    /// refused (<see cref="CastOutcome.AlreadyVoted"/>, nothing stored) otherwise. A store that sees the round's status
    /// in the same step (SQLite) refuses a ballot of a closed round (<see cref="CastOutcome.RoundClosed"/>).
    /// </summary>
    Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, CancellationToken cancellationToken);

    /// <summary>
    /// Casts the ballot as the overload without <paramref name="forget"/> does and, whatever the outcome, replaces the
    /// payload of the inbox item the press came in with <see cref="InboxRedaction.Payload"/> (the press without its
    /// choice), so no stored update links the voter to the choice. On SQLite both are one unit of the writer (one
    /// commit); on MongoDB the redaction follows the ballot, as a separate write.
    /// </summary>
    Task<CastOutcome> CastAsync(Ballot ballot, bool allowChange, InboxRedaction forget, CancellationToken cancellationToken);

    /// <summary>The official count: an aggregation over the round's ballots (GROUP BY / $group), not a counter.</summary>
    Task<Tally> TallyAsync(string roundId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Ballot>> ListAsync(string roundId, CancellationToken cancellationToken);

    /// <summary>Whether a ballot with this voter hash is in the round (so a second ballot is not handed out); never says the choice.</summary>
    Task<bool> HasVotedAsync(string roundId, string voterHash, CancellationToken cancellationToken);
}

/// <summary>Who is on a round's roster and whether they voted; never their choice. Unique on (round id, voter id).</summary>
public interface ITurnoutStore
{
    /// <summary>Adds the entry when (round, voter) is new; an existing entry (and its voted flag) is kept.</summary>
    Task AddAsync(TurnoutEntry entry, CancellationToken cancellationToken);

    Task<TurnoutEntry?> GetAsync(string roundId, string voterId, CancellationToken cancellationToken);

    /// <summary>Marks an existing entry voted; false when the voter is not on the round's roster.</summary>
    Task<bool> MarkVotedAsync(string roundId, string voterId, CancellationToken cancellationToken);

    /// <summary>Entries of a round ordered by voter id.</summary>
    Task<IReadOnlyList<TurnoutEntry>> ListAsync(string roundId, CancellationToken cancellationToken);
}
