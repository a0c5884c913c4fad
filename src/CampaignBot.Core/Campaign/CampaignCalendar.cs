namespace CampaignBot.Core.Campaign;

/// <summary>
/// The campaign's dates as people read them: in the campaign's time zone, per unit (each unit starts on its own
/// date and runs the phases in order). Deadlines are local dates, so daylight saving elsewhere cannot shift them.
/// </summary>
public sealed class CampaignCalendar
{
    private readonly CampaignDefinition _campaign;

    public CampaignCalendar(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        _campaign = campaign;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(campaign.TimeZone);
    }

    public TimeZoneInfo Zone { get; }

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Zone).DateTime);

    /// <summary>The first day of the month <paramref name="day"/> falls in.</summary>
    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>An instant as people read it: "2027-03-05 14:30" in the campaign's zone.</summary>
    public string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>Whether the campaign's last day (<see cref="CampaignDefinition.End"/>) is behind <paramref name="now"/>: nothing is asked or reminded after it.</summary>
    public bool HasEnded(DateTimeOffset now) => IsAfterCampaign(Today(now));

    /// <summary>The instant the campaign's last day ends (the midnight after it, in the campaign's zone).</summary>
    public DateTimeOffset EndsAt => At(_campaign.End.AddDays(1), TimeOnly.MinValue);

    /// <summary>Whether a local day comes after the campaign's last day.</summary>
    public bool IsAfterCampaign(DateOnly day) => day > _campaign.End;

    /// <summary>Whether a local day comes before the campaign's first day (<see cref="CampaignDefinition.Start"/>).</summary>
    public bool IsBeforeCampaign(DateOnly day) => day < _campaign.Start;

    /// <summary>Whether a local day is one of the campaign's, from its first day to its last.</summary>
    public bool IsCampaignDay(DateOnly day) => !IsBeforeCampaign(day) && !IsAfterCampaign(day);

    public DateOnly UnitStart(string unitId) =>
        _campaign.FindUnit(unitId)?.Start ?? throw new ArgumentException($"Unit '{unitId}' is not in the campaign.", nameof(unitId));

    /// <summary>The last day (inclusive) of <paramref name="phaseCode"/> for the unit: its start plus the phases up to and including it.</summary>
    public DateOnly PhaseEnd(string unitId, string phaseCode)
    {
        var days = 0;
        foreach (var phase in _campaign.Phases)
        {
            days += phase.Days;
            if (phase.Code == phaseCode)
            {
                return UnitStart(unitId).AddDays(days - 1);
            }
        }

        throw new ArgumentException($"Phase '{phaseCode}' is not in the campaign.", nameof(phaseCode));
    }

    /// <summary>The instant of a local wall time in the campaign's zone (a time skipped by a clock change moves forward).</summary>
    public DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    /// <summary>
    /// <paramref name="instant"/>, or the end of the quiet hours it falls in (e.g. 22:00–08:00: 23:00 becomes 08:00 next
    /// morning, 06:00 becomes 08:00 the same morning).
    /// </summary>
    public DateTimeOffset NotInQuietHours(DateTimeOffset instant, TimeOnly quietStart, TimeOnly quietEnd)
    {
        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var time = TimeOnly.FromDateTime(local.DateTime);
        var wraps = quietStart > quietEnd;
        var quiet = wraps ? time >= quietStart || time < quietEnd : time >= quietStart && time < quietEnd;
        if (!quiet)
        {
            return instant;
        }

        var endDate = wraps && time >= quietStart ? date.AddDays(1) : date;
        return At(endDate, quietEnd);
    }

    /// <summary>
    /// <paramref name="instant"/>, or half an hour before the quiet hours it falls in began: for a notice that must
    /// come before a deadline (a round's closing), so it moves earlier rather than later.
    /// </summary>
    public DateTimeOffset BeforeQuietHours(DateTimeOffset instant, TimeOnly quietStart, TimeOnly quietEnd)
    {
        if (NotInQuietHours(instant, quietStart, quietEnd) == instant)
        {
            return instant;
        }

        var local = TimeZoneInfo.ConvertTime(instant, Zone);
        var date = DateOnly.FromDateTime(local.DateTime);
        var began = quietStart > quietEnd && TimeOnly.FromDateTime(local.DateTime) < quietEnd ? date.AddDays(-1) : date;
        return At(began, quietStart) - TimeSpan.FromMinutes(30);
    }
}
