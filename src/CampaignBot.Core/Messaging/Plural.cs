namespace CampaignBot.Core.Messaging;

/// <summary>
/// A count with its English noun, in the singular for exactly one ("1 vote", "2 votes", "0 votes", "1.5 days"). Chinese
/// needs no such form ("1 票", "2 票"), so only the English half of a text calls it: <c>{Plural.En(votes, "vote")}</c>.
/// </summary>
public static class Plural
{
    /// <summary>"1 vote", "2 votes"; <paramref name="many"/> where adding "s" is wrong ("person", "people").</summary>
    public static string En(long count, string one, string? many = null) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {Noun(count == 1, one, many)}";

    /// <summary>As <see cref="En(long, string, string?)"/> for a count already formatted ("1", "1.5", "—").</summary>
    public static string En(string count, string one, string? many = null) =>
        $"{count} {Noun(count == "1", one, many)}";

    private static string Noun(bool single, string one, string? many)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(one);
        return single ? one : many ?? one + "s";
    }
}
