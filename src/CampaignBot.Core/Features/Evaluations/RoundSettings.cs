namespace CampaignBot.Core.Features.Evaluations;

/// <summary>The optional words after /round open &lt;unit&gt; &lt;stage&gt;: hours, audience, "change", "tally".</summary>
public sealed record RoundSettings(int Hours, RoundAudience Audience, bool AllowChange, bool ShowTally)
{
    public const int MaxHours = 720;

    public static RoundSettings? Parse(IEnumerable<string> words, int defaultHours)
    {
        ArgumentNullException.ThrowIfNull(words);
        var settings = new RoundSettings(defaultHours, RoundAudience.Group, false, false);
        foreach (var word in words.Select(w => w.ToLowerInvariant()))
        {
            settings = word switch
            {
                "group" or "群" or "roster" or "名单" or "code" or "口令" => settings with { Audience = AudienceWords.Parse(word)!.Value },
                "change" or "可改票" => settings with { AllowChange = true },
                "tally" or "公开票数" => settings with { ShowTally = true },
                _ when int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= MaxHours => settings with { Hours = hours },
                _ => null,
            };
            if (settings is null)
            {
                return null;
            }
        }

        return settings;
    }
}

/// <summary>The audience words of /round open and /opinions open.</summary>
public static class AudienceWords
{
    public static RoundAudience? Parse(string word) => word?.ToLowerInvariant() switch
    {
        "group" or "群" => RoundAudience.Group,
        "roster" or "名单" => RoundAudience.Roster,
        "code" or "口令" => RoundAudience.Code,
        _ => null,
    };
}
