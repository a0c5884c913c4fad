namespace CampaignBot.Core.Features.Evaluations;

/// <summary>
/// One secret vote. <see cref="VoterHash"/> is HMAC-SHA256(secret, round id and voter id): it tells two votes
/// of one voter apart from votes of two voters, never who the voter is. <see cref="CastAt"/> is the round's opening hour, the same for every ballot
/// of the round: the time a ballot was cast would match it with the press (inbox, outbox) that cast it.
/// </summary>
public sealed record Ballot(string RoundId, string VoterHash, string Choice, DateTimeOffset CastAt);

/// <summary>The inbox item a press came in (<see cref="InboxId"/>) and its update with the choice cut out (<see cref="Payload"/>, JSON).</summary>
public sealed record InboxRedaction(string InboxId, string Payload);

public enum CastOutcome
{
    /// <summary>The voter's first vote in the round.</summary>
    Recorded,

    /// <summary>The voter had already cast this very choice (a repeated press, a redelivery).</summary>
    Unchanged,

    /// <summary>The voter's earlier choice was replaced (the round allows changes).</summary>
    Changed,

    /// <summary>The voter had voted differently and the round does not allow changes; nothing changed.</summary>
    AlreadyVoted,

    /// <summary>The round was closed (and counted) before the ballot could be stored; nothing stored.</summary>
    RoundClosed,
}

/// <summary>Votes per choice code, counted from the ballots.</summary>
public sealed record Tally(IReadOnlyDictionary<string, long> Counts)
{
    public long Total => Counts.Values.Sum();

    public long Count(string choice) => Counts.TryGetValue(choice, out var n) ? n : 0;
}

/// <summary>
/// Turnout, kept apart from the ballots: who is on a round's roster (or came by its code) and whether they voted,
/// never what they chose. <see cref="Chat"/> is where their private ballot and reminders go.
/// </summary>
public sealed record TurnoutEntry(string RoundId, string VoterId, Messaging.ChatRef Chat, bool Voted);
