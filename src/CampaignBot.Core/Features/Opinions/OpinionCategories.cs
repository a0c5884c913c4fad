namespace CampaignBot.Core.Features.Opinions;

/// <summary>What an opinion can be about: the four winds, the ten problem areas, then 其他.</summary>
public static class OpinionCategories
{
    public const string Other = "other";

    public static IReadOnlyList<CatalogueItem> All(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return [.. campaign.FourWinds, .. campaign.ProblemAreas, new CatalogueItem(Other, OpinionTexts.Other.Chinese)];
    }

    public static string Name(CampaignDefinition campaign, string code) => All(campaign).FirstOrDefault(c => c.Code == code)?.Name ?? code;

    /// <summary>A code, a name or a 1-based number; null otherwise.</summary>
    public static string? Find(CampaignDefinition campaign, string word)
    {
        var all = All(campaign);
        if (int.TryParse(word, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= all.Count)
        {
            return all[n - 1].Code;
        }

        return all.FirstOrDefault(c => c.Code == word || c.Name == word)?.Code;
    }
}
