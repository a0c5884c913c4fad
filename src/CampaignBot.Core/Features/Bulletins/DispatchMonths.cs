namespace CampaignBot.Core.Features.Bulletins;

/// <summary>The month a dispatch answer is for, or why there is none.</summary>
public sealed record DispatchMonth(string? Month, Text? Refusal)
{
    public static DispatchMonth Of(string month) => new(month, null);

    public static DispatchMonth Refused(Text refusal) => new(null, refusal);
}

/// <summary>
/// Which month a secretary's dispatch answer is filed under. The ask's button and "/dispatch yyyy-MM" name it (so an answer
/// on the 2nd of the next month is still filed under the month asked about); a month before the campaign's, after its
/// last or after this one is refused. Without one, this month; after the campaign's last month, in the first
/// <see cref="LateDays"/> days, that last month.
/// </summary>
public sealed class DispatchMonths(CampaignCalendar calendar)
{
    /// <summary>How long after the campaign's last month a plain /dispatch still answers that month.</summary>
    public const int LateDays = 7;

    /// <summary>A word meant as a month (four digits and more, not all digits), as opposed to a count of practical things.</summary>
    public static bool LooksLikeMonth(string? word) =>
        word is { Length: > 4 } && word[..4].All(char.IsAsciiDigit) && !word.All(char.IsAsciiDigit);

    /// <summary>"2027-03" exactly: four digits, a hyphen, two digits of a real month.</summary>
    public static bool IsMonth(string? word, out DateOnly first)
    {
        first = default;
        return word is { Length: 7 } && word[4] == '-' && word.Remove(4, 1).All(char.IsAsciiDigit) && BulletinBuilder.TryParseMonth(word, out first);
    }

    public DispatchMonth Resolve(string? word, CampaignDefinition campaign, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var current = CampaignCalendar.MonthStart(calendar.Today(now));
        var (first, end) = (CampaignCalendar.MonthStart(campaign.Start), CampaignCalendar.MonthStart(campaign.End));
        var latest = current < end ? current : end;
        if (!string.IsNullOrWhiteSpace(word))
        {
            if (!IsMonth(word, out var asked))
            {
                return DispatchMonth.Refused(BulletinTexts.DispatchBadMonth);
            }

            return asked < first || asked > latest
                ? DispatchMonth.Refused(BulletinTexts.DispatchMonthOutside(word, BulletinBuilder.MonthOf(first), BulletinBuilder.MonthOf(latest)))
                : DispatchMonth.Of(word);
        }

        if (current >= first && current <= end)
        {
            return DispatchMonth.Of(BulletinBuilder.MonthOf(current));
        }

        return current == end.AddMonths(1) && calendar.Today(now).Day <= LateDays
            ? DispatchMonth.Of(BulletinBuilder.MonthOf(end))
            : DispatchMonth.Refused(BulletinTexts.DispatchMonthOutside(BulletinBuilder.MonthOf(current), BulletinBuilder.MonthOf(first), BulletinBuilder.MonthOf(latest)));
    }
}
