namespace CampaignBot.Bench;

/// <summary>Real time moved to a chosen instant: delays and pacing stay real, dates fall on a reminder day.</summary>
internal sealed class ShiftedClock(DateTimeOffset startAt) : TimeProvider
{
    private readonly TimeSpan _shift = startAt - System.GetUtcNow();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _shift;
}
