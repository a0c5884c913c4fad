namespace CampaignBot.Core.Campaign;

/// <summary>
/// What a unit opens to the masses for a while — an evaluation round, an opinion collection: who opened it, when it opens
/// and closes, the group it is posted in or the code the unregistered send. The records that carry it are stored as JSON
/// with these fields under the same names as before they shared it ("id", "unitId", "group", "code", "opensAt", …).
/// </summary>
public abstract record UnitWindow
{
    /// <summary>Eight lower-case hex characters; a round's is carried in button payloads.</summary>
    public required string Id { get; init; }

    public required string UnitId { get; init; }

    /// <summary>The unit's group chat, for a window opened to the group.</summary>
    public ChatRef? Group { get; init; }

    /// <summary>The code the unregistered masses send (/vote CODE, /opinion CODE); unique among windows of its kind.</summary>
    public string? Code { get; init; }

    public required DateTimeOffset OpensAt { get; init; }

    public required DateTimeOffset ClosesAt { get; init; }

    public required string OpenedBy { get; init; }

    /// <summary>Open from <see cref="OpensAt"/> until (not including) <see cref="ClosesAt"/>.</summary>
    public virtual bool IsOpenAt(DateTimeOffset now) => OpensAt <= now && now < ClosesAt;
}
