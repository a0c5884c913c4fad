using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Pipeline;

/// <summary>Settings of the message path (section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Names this process in leases; defaults to machine name and process id.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// How many conversations are handled at once. Handling mostly waits for the store, and updates handled at
    /// the same time share one commit, so this is well above the number of cores.
    /// </summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 32;

    /// <summary>How many chats are sent to at once (each send waits on the channel's network round trip).</summary>
    [Range(1, 1024)]
    public int SendParallelism { get; set; } = 64;

    /// <summary>How long a claimed inbox item, outbox message or job is reserved for one instance.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often workers look for work when nothing woke them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A flow left unanswered this long ends with a notice.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan FlowTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often due flow timeouts are looked for (so a flow ends at most this long after its timeout).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan FlowTimeoutSweep { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Handled inbox items and sent private messages are deleted this long after; ballots, campaign records and
    /// failed or unsent messages are never pruned. At least a day: a reminder's id in the outbox is what keeps it from
    /// being sent twice on its day.
    /// </summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// "Sent" marks gathered this long are written together (one write); zero writes each at once. A mark lost in a
    /// crash inside the window means that message is sent again once its lease runs out.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01")]
    public TimeSpan SentMarkWindow { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>Attempts at sending one message through passing failures before giving up.</summary>
    [Range(1, 1000)]
    public int MaxSendAttempts { get; set; } = 12;
}
