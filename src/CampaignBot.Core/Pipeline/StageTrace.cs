using System.Collections.Concurrent;
using System.Diagnostics;

namespace CampaignBot.Core.Pipeline;

/// <summary>
/// A diagnostic trace of the message path, off unless the environment variable <c>CAMPAIGNBOT_STAGE_TRACE</c> names a
/// file: each stage an update passes (getUpdates returned, inbox committed, claimed, handled, handed to the sender,
/// sendMessage returned) is recorded with its wall-clock time and chat, with the writer's groups, thread-pool lag and
/// GC pauses; the file is written when the process exits (one tab-separated line per event). Benchmarks only
/// (<c>bench/stage_report.py</c> reads it); it costs one flag check per stage when off.
/// </summary>
public static class StageTrace
{
    private static readonly string? Path = Environment.GetEnvironmentVariable("CAMPAIGNBOT_STAGE_TRACE");
    private static readonly ConcurrentQueue<(double At, string Stage, string Key, double Value)> Events = new();
    private static readonly double BaseMs = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
    private static readonly long BaseTicks = Stopwatch.GetTimestamp();

    /// <summary>True when the trace is on.</summary>
    public static readonly bool Enabled = !string.IsNullOrWhiteSpace(Path) && Start();

    /// <summary>Now, in Unix milliseconds (high resolution).</summary>
    public static double Now => BaseMs + Stopwatch.GetElapsedTime(BaseTicks).TotalMilliseconds;

    /// <summary>Records that the update of <paramref name="key"/> (a chat id) reached <paramref name="stage"/>.</summary>
    public static void Mark(string stage, string key, double value = 0)
    {
        if (Enabled)
        {
            Events.Enqueue((Now, stage, key, value));
        }
    }

    private static bool Start()
    {
        var probe = new Thread(Probe) { IsBackground = true, Name = "stage-trace-probe" };
        probe.Start();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();
        return true;
    }

    /// <summary>Every 10 ms: how long a queued thread-pool item waits to run, and any GC pause since the last look.</summary>
    private static void Probe()
    {
        var pauses = GC.GetTotalPauseDuration();
        using var ran = new ManualResetEventSlim();
        while (true)
        {
            Thread.Sleep(10);
            ran.Reset();
            var queued = Now;
            ThreadPool.UnsafeQueueUserWorkItem(static state => ((ManualResetEventSlim)state!).Set(), ran);
            ran.Wait();
            var lag = Now - queued;
            if (lag > 5)
            {
                Events.Enqueue((queued, "pool-lag", ThreadPool.ThreadCount.ToString(CultureInfo.InvariantCulture), lag));
            }

            var now = GC.GetTotalPauseDuration();
            if (now - pauses is { TotalMilliseconds: > 1 } pause)
            {
                Events.Enqueue((Now, "gc-pause", GC.CollectionCount(2).ToString(CultureInfo.InvariantCulture), pause.TotalMilliseconds));
            }

            pauses = now;
        }
    }

    private static void Write()
    {
        using var file = new StreamWriter(Path!);
        foreach (var (at, stage, key, value) in Events)
        {
            file.Write(at.ToString("F3", CultureInfo.InvariantCulture));
            file.Write('\t');
            file.Write(stage);
            file.Write('\t');
            file.Write(key);
            file.Write('\t');
            file.WriteLine(value.ToString("F3", CultureInfo.InvariantCulture));
        }
    }
}
