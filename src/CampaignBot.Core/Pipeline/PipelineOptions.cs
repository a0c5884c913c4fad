using System.ComponentModel.DataAnnotations;

namespace CampaignBot.Core.Pipeline;

/// <summary>Settings of the message path (section "Pipeline").</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Pipeline";

    /// <summary>Names this process in leases; defaults to machine name and process id.</summary>
    public string InstanceId { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>How many conversations are handled at once.</summary>
    [Range(1, 256)]
    public int Parallelism { get; set; } = 8;

    /// <summary>How long a claimed inbox item, outbox message or job is reserved for one instance.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often workers look for work when nothing woke them.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A flow left unanswered this long ends with a notice.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan FlowTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Attempts at sending one message through passing failures before giving up.</summary>
    [Range(1, 1000)]
    public int MaxSendAttempts { get; set; } = 12;
}
