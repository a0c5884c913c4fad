using CampaignBot.Core.Features.Evaluations;

namespace CampaignBot.Storage.Sqlite;

/// <summary>Turnout: (round, voter) and a voted flag, in a table of its own, apart from the ballots.</summary>
internal sealed class SqliteTurnoutStore(SqliteDatabase database) : ITurnoutStore
{
    private readonly SqliteTable<TurnoutEntry> _turnout = new(database, "turnout", "round_id, voter_id, chat, voted", Read, keyColumns: 2);

    public Task AddAsync(TurnoutEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.RoundId, nameof(entry));
        ArgumentException.ThrowIfNullOrWhiteSpace(entry.VoterId, nameof(entry));
        return database.ExecuteAsync(
            "INSERT OR IGNORE INTO turnout (round_id, voter_id, chat, voted) VALUES (@round, @voter, @chat, @voted);",
            p => p.Set("@round", entry.RoundId).Set("@voter", entry.VoterId).Set("@chat", MessageJson.Serialize(entry.Chat)).Set("@voted", entry.Voted),
            cancellationToken);
    }

    public Task<TurnoutEntry?> GetAsync(string roundId, string voterId, CancellationToken cancellationToken) =>
        _turnout.GetAsync(roundId, voterId, cancellationToken);

    public Task<bool> MarkVotedAsync(string roundId, string voterId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roundId);
        ArgumentException.ThrowIfNullOrWhiteSpace(voterId);
        return database.ChangesOneAsync(
            "UPDATE turnout SET voted = 1 WHERE round_id = @round AND voter_id = @voter;",
            p => p.Set("@round", roundId).Set("@voter", voterId),
            cancellationToken);
    }

    public Task<IReadOnlyList<TurnoutEntry>> ListAsync(string roundId, CancellationToken cancellationToken) =>
        _turnout.ListByAsync("round_id", roundId, "voter_id", cancellationToken);

    private static TurnoutEntry Read(SqliteDataReader r) =>
        new(r.GetString(0), r.GetString(1), MessageJson.Deserialize<ChatRef>(r.GetString(2)), r.Flag(3));
}
