namespace CampaignBot.Core.Storage;

/// <summary>Updates as they arrived. Written before the channel is acknowledged; deduplicated by id.</summary>
public interface IInboxStore
{
    /// <summary>Stores the item; false when an item with its id is already there (a redelivery).</summary>
    Task<bool> AddAsync(InboxItem item, CancellationToken cancellationToken);

    /// <summary>Stores a batch in one write; for each item, false when its id was already there.</summary>
    Task<IReadOnlyList<bool>> AddManyAsync(IReadOnlyList<InboxItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Leases up to <paramref name="max"/> pending items whose lease is free, oldest first by
    /// (received time, sequence). A lease only shares work; handling stays idempotent.
    /// </summary>
    Task<IReadOnlyList<InboxItem>> ClaimPendingAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task CompleteAsync(string id, InboxStatus status, string? error, CancellationToken cancellationToken);

    Task<InboxItem?> GetAsync(string id, CancellationToken cancellationToken);

    Task<long> CountAsync(InboxStatus status, CancellationToken cancellationToken);

    /// <summary>Deletes handled items received before <paramref name="before"/> (failed ones stay for inspection); returns how many.</summary>
    Task<long> PruneHandledAsync(DateTimeOffset before, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the stored update of an item with <paramref name="payload"/> (a copy with secret parts removed, such as a
    /// ballot's choice), so the inbox does not keep what must not be linked to a sender. Nothing happens for an unknown id.
    /// </summary>
    Task RedactAsync(string id, string payload, CancellationToken cancellationToken);
}

/// <summary>Conversation sessions with optimistic concurrency.</summary>
public interface ISessionStore
{
    Task<Session?> GetAsync(string key, CancellationToken cancellationToken);

    /// <summary>
    /// Saves when the stored version equals <see cref="Session.Version"/> (inserts when it is 0), then
    /// increments the in-memory version. False on a conflict: someone else saved first.
    /// </summary>
    Task<bool> TrySaveAsync(Session session, CancellationToken cancellationToken);

    Task<IReadOnlyList<Session>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Up to <paramref name="max"/> sessions whose <see cref="Session.TimeoutAt"/> is at or before
    /// <paramref name="now"/> and that have a prompt token, earliest first (an indexed read).
    /// </summary>
    Task<IReadOnlyList<DueFlowTimeout>> DueTimeoutsAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);
}

/// <summary>What the bot will say or has said.</summary>
public interface IOutboxStore
{
    /// <summary>Stores each message whose id is new; ids already stored are left as they are.</summary>
    Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> pending messages due by <paramref name="now"/>, oldest first by (created, id).</summary>
    Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(string owner, DateTimeOffset now, TimeSpan lease, int max, CancellationToken cancellationToken);

    Task MarkSentAsync(string id, string? externalMessageId, DateTimeOffset sentAt, CancellationToken cancellationToken);

    /// <summary>Marks many messages sent in one write (one transaction or one bulk write), as <see cref="MarkSentAsync"/> each.</summary>
    Task MarkSentManyAsync(IReadOnlyList<SentMark> marks, CancellationToken cancellationToken);

    /// <summary>Puts a message back for a later attempt. <paramref name="countAttempt"/> is false when only a rate limit deferred it.</summary>
    Task RetryLaterAsync(string id, DateTimeOffset nextAttemptAt, string? error, bool countAttempt, CancellationToken cancellationToken);

    Task MarkFailedAsync(string id, OutboxStatus status, string reason, CancellationToken cancellationToken);

    Task<OutboxMessage?> GetAsync(string id, CancellationToken cancellationToken);

    Task<long> CountAsync(OutboxStatus status, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes messages to private chats sent before <paramref name="before"/>; returns how many. Group messages stay
    /// (a live tally edits its group message for as long as the round runs), and so does anything not sent.
    /// </summary>
    Task<long> PruneSentAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>The durable scheduler's jobs and firings.</summary>
public interface IJobStore
{
    /// <summary>Creates or replaces the job with this id (its due time, payload and interval); clears any lease.</summary>
    Task UpsertAsync(ScheduledJob job, CancellationToken cancellationToken);

    Task<bool> CancelAsync(string id, CancellationToken cancellationToken);

    Task<ScheduledJob?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Jobs due by <paramref name="now"/> whose lease is free, earliest first.</summary>
    Task<IReadOnlyList<ScheduledJob>> DueAsync(DateTimeOffset now, int max, CancellationToken cancellationToken);

    /// <summary>Takes the lease on a job at this due time when it is free (a conditional update). Shares work only.</summary>
    Task<bool> TryLeaseAsync(string id, DateTimeOffset dueAt, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>
    /// Inserts the firing of (job, due time) with its effects, in one write; false when it exists. This unique key is
    /// what makes a job fire once.
    /// </summary>
    Task<bool> TryRecordFiringAsync(JobFiring firing, CancellationToken cancellationToken);

    Task<JobFiring?> GetFiringAsync(string jobId, DateTimeOffset dueAt, CancellationToken cancellationToken);

    /// <summary>
    /// Marks the firing complete (dropping its applied effects, so firing records stay small), then moves the job to
    /// <paramref name="nextDueAt"/> or deletes it when null;
    /// only when the job still has <paramref name="firedDueAt"/> (a re-schedule in between wins).
    /// </summary>
    Task CompleteAsync(string id, DateTimeOffset firedDueAt, DateTimeOffset? nextDueAt, DateTimeOffset completedAt, CancellationToken cancellationToken);
}

public interface IMemberStore
{
    Task<Member?> GetAsync(string id, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by id.</summary>
    Task UpsertAsync(Member member, CancellationToken cancellationToken);

    /// <summary>Every member by id, or a unit's: its own members and the mobile members it hosts (<see cref="Member.HostUnitId"/>).</summary>
    Task<IReadOnlyList<Member>> ListAsync(string? unitId, CancellationToken cancellationToken);
}

/// <summary>An invite, how many places are used, and whether the member asking holds one of them.</summary>
public sealed record InviteStanding(Invite Invite, int Uses, bool RedeemedByMember)
{
    /// <summary>No place left for this member (a member who holds a place keeps it).</summary>
    public bool UsedUpFor => Uses >= Invite.MaxUses && !RedeemedByMember;
}

public interface IInviteStore
{
    /// <summary>False when the code exists already.</summary>
    Task<bool> CreateAsync(Invite invite, CancellationToken cancellationToken);

    Task<Invite?> GetAsync(string code, CancellationToken cancellationToken);

    /// <summary>
    /// How the invite stands for one member, counted on the store's index without reading the redemption list
    /// (the returned invite's <see cref="Invite.RedeemedBy"/> is empty); null when there is no such code.
    /// </summary>
    Task<InviteStanding?> GetStandingAsync(string code, string memberId, CancellationToken cancellationToken);

    /// <summary>
    /// Uses one place of the invite for <paramref name="memberId"/>, atomically: never more than
    /// <see cref="Invite.MaxUses"/> members, and the same member twice counts once.
    /// </summary>
    Task<RedeemResult> RedeemAsync(string code, string memberId, DateTimeOffset now, CancellationToken cancellationToken);

    Task<IReadOnlyList<Invite>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Revokes the code so it can no longer be redeemed (places already used stay); false for an unknown or already revoked code.</summary>
    Task<bool> RevokeAsync(string code, DateTimeOffset at, CancellationToken cancellationToken);
}

public interface IChatStore
{
    Task<ChatRecord?> GetAsync(string channel, string chatId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces by (channel, chat id).</summary>
    Task UpsertAsync(ChatRecord chat, CancellationToken cancellationToken);

    Task<IReadOnlyList<ChatRecord>> ListAsync(CancellationToken cancellationToken);
}
