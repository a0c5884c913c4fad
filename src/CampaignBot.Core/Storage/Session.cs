namespace CampaignBot.Core.Storage;

/// <summary>
/// A conversation's persisted state: which flow is active, its state, the answers so far. Saved with
/// optimistic concurrency on <see cref="Version"/>; <see cref="RecentUpdates"/> lets a re-run update be recognised.
/// </summary>
public sealed class Session
{
    public const int RecentUpdatesKept = 50;

    public required string Key { get; init; }

    /// <summary>0 for a session never saved; the stored version otherwise.</summary>
    public long Version { get; set; }

    public string? Flow { get; set; }

    public string? State { get; set; }

    /// <summary>Changes whenever the flow prompts anew, so buttons of older prompts are recognised as stale.</summary>
    public string? PromptToken { get; set; }

    public Dictionary<string, string> Data { get; set; } = new(StringComparer.Ordinal);

    public List<string> RecentUpdates { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// When the current prompt times out (set at each prompt, cleared when the flow ends); the sweeper finds due
    /// sessions on an index of it and delivers a timer for <see cref="PromptToken"/> to <see cref="TimeoutTo"/>.
    /// </summary>
    public DateTimeOffset? TimeoutAt { get; set; }

    /// <summary>The chat and person a timeout of this conversation is told to (kept once set).</summary>
    public FlowTimeoutTarget? TimeoutTo { get; set; }

    /// <summary>
    /// The outbound messages and jobs of the last handled update, as JSON, saved with the session in one
    /// write so that a crash between saving and enqueueing them loses nothing (see UpdateHandler).
    /// </summary>
    public string? PendingEffects { get; set; }

    public void RememberUpdate(string updateId)
    {
        RecentUpdates.Add(updateId);
        if (RecentUpdates.Count > RecentUpdatesKept)
        {
            RecentUpdates.RemoveRange(0, RecentUpdates.Count - RecentUpdatesKept);
        }
    }

    public void ClearFlow()
    {
        Flow = null;
        State = null;
        PromptToken = null;
        TimeoutAt = null;
        Data.Clear();
    }
}

/// <summary>Who a flow timeout is told to: the chat and the person of the prompt (their language picks the text).</summary>
public sealed record FlowTimeoutTarget(ChatRef Chat, UserRef User)
{
    public bool Matches(Inbound update) => update is not null && Chat == update.Chat && User == update.Sender;
}

/// <summary>A session whose prompt's timeout has come: what the sweeper delivers.</summary>
public sealed record DueFlowTimeout(string SessionKey, string PromptToken, DateTimeOffset DueAt, FlowTimeoutTarget To);
