namespace CampaignBot.Core.Messaging;

/// <summary>
/// One text that users read, in both languages. Each feature keeps its texts in one catalogue,
/// <c>Features/X/x.texts</c>, compiled into the typed class <c>XTexts</c> (fields for fixed texts, methods for texts with
/// values); texts composed by code are methods in <c>XTexts.cs</c>, the other half of that partial class.
/// </summary>
public sealed record Text(string Chinese, string English)
{
    public string In(Language language) => language == Language.English ? English : Chinese;

    public override string ToString() => Chinese;
}
