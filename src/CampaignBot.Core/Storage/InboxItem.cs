namespace CampaignBot.Core.Storage;

public enum InboxStatus
{
    Pending,
    Handled,
    Failed,
}

/// <summary>An update as stored in the inbox. <see cref="Id"/> is "channel:update id" and unique.</summary>
public sealed record InboxItem() : QueuedRecord<InboxStatus>(InboxStatus.Pending)
{
    public required string Id { get; init; }

    public required string ConversationKey { get; init; }

    public required long Sequence { get; init; }

    /// <summary>The <see cref="Inbound"/> as JSON (<see cref="MessageJson"/>).</summary>
    public required string Payload { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    public string? Error { get; init; }

    public static InboxItem From(Inbound update, DateTimeOffset receivedAt) => new()
    {
        Id = $"{update.Chat.Channel}:{update.UpdateId}",
        ConversationKey = update.ConversationKey,
        Sequence = update.Sequence,
        Payload = MessageJson.Serialize(update),
        ReceivedAt = receivedAt,
    };

    public Inbound ReadUpdate() => MessageJson.Deserialize<Inbound>(Payload);
}
