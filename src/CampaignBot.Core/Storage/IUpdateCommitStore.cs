namespace CampaignBot.Core.Storage;

/// <summary>What handling one update changes, written together.</summary>
public sealed record UpdateCommit(
    Session Session,
    IReadOnlyList<OutboxMessage> Messages,
    IReadOnlyList<ScheduledJob> Jobs,
    IReadOnlyList<string> CancelledJobs,
    string? InboxId);

/// <summary>
/// Writes one handled update in one transaction: the session (filtered on the version read, as
/// <see cref="ISessionStore.TrySaveAsync"/>), its outbox messages, its jobs and the inbox item's "handled" mark.
/// A store without transactions leaves it out; the update handler then saves the session with its pending
/// effects and applies them afterwards (the replay path).
/// </summary>
public interface IUpdateCommitStore
{
    /// <summary>
    /// True when a commit is all or nothing. A store that writes the parts one after another (MongoDB without a
    /// replica set) says false: the session then carries its pending effects, so a redelivered update replays them.
    /// </summary>
    bool Atomic => true;

    /// <summary>False on a version conflict, with nothing written; true once everything is committed.</summary>
    Task<bool> TryCommitAsync(UpdateCommit commit, CancellationToken cancellationToken);
}
