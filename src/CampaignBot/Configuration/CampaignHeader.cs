namespace CampaignBot.Configuration;

/// <summary>The <c>campaign:</c> section: name, time zone and the campaign-wide time frame.</summary>
internal sealed record CampaignHeader(string Name, string TimeZone, DateOnly Start, DateOnly End, int MinimumUnitMonths)
{
    public static CampaignHeader? Read(CampaignYamlMap top, CampaignErrorList errors)
    {
        if (top.Map("campaign", "campaign") is not { } map)
        {
            return null;
        }

        var name = map.Text("name");
        var timeZone = map.Text("time_zone");
        var start = map.Date("start");
        var end = map.Date("end");
        var months = map.Int("minimum_unit_months", minimum: 1, required: false) ?? 3;
        map.RejectUnknownKeys();

        if (timeZone is not null && !TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            errors.Add(map.Find("time_zone")!, $"campaign 的 time_zone “{timeZone}” 不是已知的时区；请写 IANA 时区名，例如 Asia/Shanghai。");
        }

        if (start is { } s && end is { } e && e < s)
        {
            errors.Add(map.Find("end")!, $"campaign 的 end（{e:yyyy-MM-dd}）早于 start（{s:yyyy-MM-dd}）；结束日期必须在开始日期之后。");
            return null;
        }

        // One error for the campaign as a whole rather than one per unit.
        if (start is { } from && end is { } to && ShorterThan(from, to, months))
        {
            errors.Add(map.Find("end")!, $"campaign 从 {from:yyyy-MM-dd} 到 {to:yyyy-MM-dd} 不足 {months} 个月，而每个单位集中开展活动至少 {months} 个月；请推迟 end 或减少 minimum_unit_months。");
            return null;
        }

        // A bad name or time zone is already an error; the dates still serve to check the units.
        return start is null || end is null
            ? null
            : new CampaignHeader(name ?? string.Empty, timeZone ?? string.Empty, start.Value, end.Value, months);
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    /// <summary>
    /// True when the days from <paramref name="from"/> to <paramref name="to"/> (inclusive) make fewer than <paramref name="months"/>
    /// months. Counted without stepping past the calendar's last day, so an end of 9999-12-31 or a huge count is an error, not a throw.
    /// </summary>
    public static bool ShorterThan(DateOnly from, DateOnly to, int months)
    {
        if (months > (DateOnly.MaxValue.Year - from.Year + 1) * 12)
        {
            return true;
        }

        var monthsLater = (long)from.Year * 12 + from.Month - 1 + months;
        return monthsLater / 12 > DateOnly.MaxValue.Year || from.AddMonths(months).DayNumber > to.DayNumber + 1L;
    }

    public string Span => $"{Start:yyyy-MM-dd} 至 {End:yyyy-MM-dd}";
}
