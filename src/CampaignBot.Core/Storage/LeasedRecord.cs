namespace CampaignBot.Core.Storage;

/// <summary>
/// A stored record that instances share work on by leasing it (inbox items, outbox messages, jobs): who holds the lease
/// and until when, both null while nobody does. A lease only shares work; exactly-once rests on unique keys.
/// </summary>
public abstract record LeasedRecord
{
    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }
}

/// <summary>A leased record waiting in a queue (the inbox, the outbox): its status, pending at first, and how many times it was tried.</summary>
public abstract record QueuedRecord<TStatus> : LeasedRecord
    where TStatus : struct, Enum
{
    protected QueuedRecord(TStatus pending) => Status = pending;

    public TStatus Status { get; init; }

    public int Attempts { get; init; }
}
