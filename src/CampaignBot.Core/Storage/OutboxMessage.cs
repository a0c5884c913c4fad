namespace CampaignBot.Core.Storage;

public enum OutboxStatus
{
    Pending,
    Sent,

    /// <summary>The channel refused it for good (a 400 with a reason); kept for the record.</summary>
    Rejected,

    /// <summary>The chat cannot be reached (bot blocked or removed).</summary>
    Unreachable,
}

/// <summary>
/// A message waiting to be sent, or sent. <see cref="Id"/> is derived from what caused it
/// (an update id, a job firing), so producing it twice stores it once.
/// </summary>
public sealed record OutboxMessage
{
    public required string Id { get; init; }

    public required ChatRef Chat { get; init; }

    /// <summary>The <see cref="Outbound"/> as JSON (<see cref="MessageJson"/>).</summary>
    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    public int Attempts { get; init; }

    public string? LeaseOwner { get; init; }

    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The channel's id of the sent message (for later edits).</summary>
    public string? ExternalMessageId { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? LastError { get; init; }

    public static OutboxMessage Create(string id, ChatRef chat, Outbound body, DateTimeOffset now) => new()
    {
        Id = id,
        Chat = chat,
        Body = MessageJson.Serialize(Conversations.FlowContext.NotEmpty(body)),
        CreatedAt = now,
        NextAttemptAt = now,
    };

    public Outbound ReadBody() => MessageJson.Deserialize<Outbound>(Body);
}

/// <summary>A message the channel took: its id, the channel's id for it (for later edits) and when.</summary>
public sealed record SentMark(string Id, string? ExternalMessageId, DateTimeOffset SentAt);
