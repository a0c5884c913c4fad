namespace CampaignBot.Core.Messaging;

/// <summary>
/// One text that users read, in both languages. Each feature keeps its texts in one catalogue,
/// <c>Features/X/x.texts</c>, compiled into the typed class <c>XTexts</c> (fields for fixed texts, methods for texts with
/// values); texts composed by code are methods in <c>XTexts.cs</c>, the other half of that partial class.
/// </summary>
public sealed record Text(string Chinese, string English)
{
    public string In(Language language) => language == Language.English ? English : Chinese;

    public string In(bool english) => english ? English : Chinese;

    public override string ToString() => Chinese;

    /// <summary>This text with <paramref name="next"/> below it, a blank line between, in each language: one message, not two.</summary>
    public Text Then(Text next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return new($"{Chinese}\n\n{next.Chinese}", $"{English}\n\n{next.English}");
    }

    /// <summary>Items as a list in each language: "王明、李强" (or "，" between clauses), "王明, 李强".</summary>
    public static Text List(IEnumerable<string> items, string chineseSeparator = "、")
    {
        var list = items?.ToList() ?? throw new ArgumentNullException(nameof(items));
        return new Text(string.Join(chineseSeparator, list), string.Join(", ", list));
    }
}
