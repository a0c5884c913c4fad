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
        if (start is { } from && end is { } to && from.AddMonths(months) > to.AddDays(1))
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

    public string Span => $"{Start:yyyy-MM-dd} 至 {End:yyyy-MM-dd}";
}
