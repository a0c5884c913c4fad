namespace CampaignBot.Core.Features.Study;

/// <summary>
/// Study time as half-day slots: an entry of n half-days on a date covers that date's morning and the n − 1 half-days
/// after it. A member's time is the union of their entries' slots, so a collective session and self-study logged for
/// the same day are counted once.
/// </summary>
public static class StudyTime
{
    /// <summary>The half-days covered by at least one of the entries.</summary>
    public static int HalfDays(IEnumerable<ActivityEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var covered = new HashSet<long>();
        foreach (var entry in entries)
        {
            covered.UnionWith(Slots(entry));
        }

        return covered.Count;
    }

    public static bool Overlap(ActivityEntry a, ActivityEntry b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Slots(a).Overlaps(Slots(b));
    }

    private static HashSet<long> Slots(ActivityEntry entry)
    {
        var first = (long)entry.Date.DayNumber * 2;
        return [.. Enumerable.Range(0, Math.Max(entry.HalfDays, 0)).Select(i => first + i)];
    }
}
