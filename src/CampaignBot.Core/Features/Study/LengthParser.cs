namespace CampaignBot.Core.Features.Study;

/// <summary>
/// Reads a length in days, in half-day steps: 1, 0.5, 1.5天, 半天, 一天, 一天半, 两天, 2 days. Zero, negative,
/// not a half-day step, or more than <see cref="MaxDays"/> days in one entry is refused with a sentence.
/// </summary>
public static class LengthParser
{
    public const int MaxDays = 7;

    private static readonly Dictionary<string, int> ChineseHalfDays = new(StringComparer.Ordinal)
    {
        ["半"] = 1, ["半天"] = 1, ["一"] = 2, ["一天"] = 2, ["一天半"] = 3, ["两"] = 4, ["两天"] = 4, ["二"] = 4, ["二天"] = 4,
        ["两天半"] = 5, ["三"] = 6, ["三天"] = 6, ["四"] = 8, ["四天"] = 8, ["五"] = 10, ["五天"] = 10,
        ["六"] = 12, ["六天"] = 12, ["七"] = 14, ["七天"] = 14,
    };

    /// <summary>The length in half-days; <paramref name="what"/> names it in the refusal ("学习时长", "调研时长").</summary>
    public static InputResult<int> Parse(string? input, Text? what = null)
    {
        what ??= StudyTexts.StudyLength;
        var text = (input ?? string.Empty).Trim().ToLowerInvariant();
        if (ChineseHalfDays.TryGetValue(text, out var known))
        {
            return InputResult<int>.Accept(known);
        }

        var number = text.Replace("days", string.Empty, StringComparison.Ordinal).Replace("day", string.Empty, StringComparison.Ordinal)
            .Replace("天", string.Empty, StringComparison.Ordinal).Trim();
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var days))
        {
            return InputResult<int>.Refuse(StudyTexts.LengthNotANumber(what));
        }

        if (days <= 0)
        {
            return InputResult<int>.Refuse(StudyTexts.LengthNotPositive);
        }

        if (days > MaxDays)
        {
            return InputResult<int>.Refuse(StudyTexts.LengthTooLong(MaxDays));
        }

        if (days * 2 != decimal.Truncate(days * 2))
        {
            return InputResult<int>.Refuse(StudyTexts.LengthNotHalfDays);
        }

        return InputResult<int>.Accept((int)(days * 2));
    }

    /// <summary>Half-days as people read them: "1.5".</summary>
    public static string Days(int halfDays) => (halfDays / 2m).ToString("0.#", CultureInfo.InvariantCulture);
}
