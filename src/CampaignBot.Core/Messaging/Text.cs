namespace CampaignBot.Core.Messaging;

/// <summary>
/// One text that users read, in both languages. Each feature keeps its texts in one catalogue class
/// (<c>Features/X/XTexts.cs</c>: fields for fixed texts, methods for texts with values), so wording is changed in one place.
/// </summary>
public sealed record Text(string Chinese, string English)
{
    public string In(Language language) => language == Language.English ? English : Chinese;

    public override string ToString() => Chinese;
}
