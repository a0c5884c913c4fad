using System.Text.RegularExpressions;

namespace CampaignBot.Core.Features.Study;

/// <summary>An answer to "which day?" or "how long?": a value, or a refusal in both languages.</summary>
public sealed record InputResult<T>(T? Value, string? Chinese, string? English)
    where T : struct
{
    public bool Ok => Value is not null;

    /// <summary>Why the input was refused, or null when it was accepted.</summary>
    public Messaging.Text? Refusal => Chinese is null ? null : new Messaging.Text(Chinese, English ?? Chinese);

    public static InputResult<T> Accept(T value) => new(value, null, null);

    public static InputResult<T> Refuse(string chinese, string english) => new(null, chinese, english);

    public static InputResult<T> Refuse(Messaging.Text why)
    {
        ArgumentNullException.ThrowIfNull(why);
        return new(null, why.Chinese, why.English);
    }
}

/// <summary>
/// Reads the day of an entry as people type it: empty/今天/昨天/前天, 3月5日, 3.5, 3/5, 2027-03-05, 2027年3月5日, 2027/3/5,
/// ISO date-times. A date without a year is its latest occurrence not after today. Future dates and dates outside the
/// campaign are refused with a sentence saying why.
/// </summary>
public static partial class EntryDateParser
{
    public static InputResult<DateOnly> Parse(string? input, DateOnly today, DateOnly campaignStart, DateOnly campaignEnd)
    {
        if (TryRead(input, today) is not { } day)
        {
            return InputResult<DateOnly>.Refuse(StudyTexts.DateNotUnderstood(Shorten(Normalised(input))));
        }

        if (day > today)
        {
            return InputResult<DateOnly>.Refuse(StudyTexts.DateInFuture(Show(day)));
        }

        if (day < campaignStart || day > campaignEnd)
        {
            return InputResult<DateOnly>.Refuse(StudyTexts.DateOutsideCampaign(Show(day), Show(campaignStart), Show(campaignEnd)));
        }

        return InputResult<DateOnly>.Accept(day);
    }

    /// <summary>The day the text names, or null when it names none; no check of the future or the campaign.</summary>
    public static DateOnly? TryRead(string? input, DateOnly today)
    {
        var text = Normalised(input);
        return text.ToLowerInvariant() switch
        {
            "" or "今天" or "今日" or "today" or "t" => today,
            "昨天" or "昨日" or "yesterday" => today.AddDays(-1),
            "前天" => today.AddDays(-2),
            _ => Read(text, today),
        };
    }

    public static string Show(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Normalised(string? input) => (input ?? string.Empty).Trim().Replace('．', '.').Replace('／', '/').Replace('－', '-');

    private static DateOnly? Read(string text, DateOnly today)
    {
        if (FullDate().Match(text) is { Success: true } full)
        {
            return Make(Number(full, "y"), Number(full, "m"), Number(full, "d"));
        }

        if (MonthDay().Match(text) is { Success: true } md)
        {
            var month = Number(md, "m");
            var dayOfMonth = Number(md, "d");
            var thisYear = Make(today.Year, month, dayOfMonth);
            return thisYear is { } d && d > today ? Make(today.Year - 1, month, dayOfMonth) : thisYear;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Contains('T', StringComparison.Ordinal)
            ? DateOnly.FromDateTime(instant.DateTime)
            : null;
    }

    private static int Number(Match match, string group) =>
        int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateOnly(year, month, day)
            : null;

    private static string Shorten(string text) => text.Length > 20 ? text[..20] + "…" : text;

    [GeneratedRegex(@"^(?<y>\d{4})\s*(?:[-/.年])\s*(?<m>\d{1,2})\s*(?:[-/.月])\s*(?<d>\d{1,2})\s*(?:[日号])?$")]
    private static partial Regex FullDate();

    [GeneratedRegex(@"^(?<m>\d{1,2})\s*(?:[-/.月])\s*(?<d>\d{1,2})\s*(?:[日号])?$")]
    private static partial Regex MonthDay();
}
