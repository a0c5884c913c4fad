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
public sealed record OutboxMessage() : QueuedRecord<OutboxStatus>(OutboxStatus.Pending)
{
    public required string Id { get; init; }

    public required ChatRef Chat { get; init; }

    /// <summary>The <see cref="Outbound"/> as JSON (<see cref="MessageJson"/>).</summary>
    public required string Body { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset NextAttemptAt { get; init; }

    /// <summary>The channel's id of the sent message (for later edits).</summary>
    public string? ExternalMessageId { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>The body as an object beside its JSON (no part of equality): a message handed to the sender in memory is not parsed back.</summary>
    private readonly ParsedBody _parsed = new();

    public static OutboxMessage Create(string id, ChatRef chat, Outbound body, DateTimeOffset now)
    {
        var outbound = Conversations.FlowContext.NotEmpty(body);
        var message = new OutboxMessage
        {
            Id = id,
            Chat = chat,
            Body = MessageJson.Serialize(outbound),
            CreatedAt = now,
            NextAttemptAt = now,
        };
        message._parsed.Keep(message.Body, outbound);
        return message;
    }

    public Outbound ReadBody() => _parsed.Read(Body);

    /// <summary>The last body read, for the JSON it was read from; equal to any other, so records compare by their JSON.</summary>
    private sealed class ParsedBody
    {
        private volatile Entry? _entry;

        public Outbound Read(string json)
        {
            if (_entry is { } entry && ReferenceEquals(entry.Json, json))
            {
                return entry.Value;
            }

            var value = MessageJson.Deserialize<Outbound>(json);
            _entry = new Entry(json, value);
            return value;
        }

        public void Keep(string json, Outbound value) => _entry = new Entry(json, value);

        public override bool Equals(object? obj) => obj is ParsedBody;

        public override int GetHashCode() => 0;

        private sealed record Entry(string Json, Outbound Value);
    }
}

/// <summary>A message the channel took: its id, the channel's id for it (for later edits) and when.</summary>
public sealed record SentMark(string Id, string? ExternalMessageId, DateTimeOffset SentAt)
{
    /// <summary>
    /// What every store does with a batch of marks before its own write: checks that the batch and each mark's id are
    /// there, and writes nothing for an empty batch; <paramref name="write"/> is given only a non-empty one.
    /// </summary>
    public static Task WriteBatchAsync(IReadOnlyList<SentMark> marks, Func<IReadOnlyList<SentMark>, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(write);
        foreach (var mark in marks)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(mark?.Id, nameof(marks));
        }

        return marks.Count == 0 ? Task.CompletedTask : write(marks, cancellationToken);
    }
}
