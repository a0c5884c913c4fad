namespace CampaignBot.Core.Campaign;

/// <summary>
/// What a problem can be about: the campaign's four winds, its ten problem areas, then 其他. Opinions, the rectification
/// ledger and the review of self-examinations file problems under these.
/// </summary>
public static class ProblemCategories
{
    public const string Other = "other";

    public static IReadOnlyList<CatalogueItem> All(CampaignDefinition campaign)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        return [.. campaign.FourWinds, .. campaign.ProblemAreas, new CatalogueItem(Other, CampaignTexts.OtherCategory.Chinese) { EnglishName = CampaignTexts.OtherCategory.English }];
    }

    public static string Name(CampaignDefinition campaign, string code) => All(campaign).FirstOrDefault(c => c.Code == code)?.Name ?? code;

    /// <summary>The category's name in both languages (the campaign file's English where it gives one).</summary>
    public static Text Names(CampaignDefinition campaign, string code) => All(campaign).FirstOrDefault(c => c.Code == code).NamesOr(code);

    /// <summary>A code, a name or a 1-based number; null otherwise.</summary>
    public static string? Find(CampaignDefinition campaign, string word)
    {
        var all = All(campaign);
        if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 && n <= all.Count)
        {
            return all[n - 1].Code;
        }

        return all.FirstOrDefault(c => c.Code == word || c.IsCalled(word))?.Code;
    }

    /// <summary>A category step's answer: a pressed button ("c3"), a number, a code or a name; a refusal otherwise.</summary>
    public static Read<string> Read(CampaignDefinition campaign, string input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var word = input.StartsWith('c') && input.Length > 1 && char.IsAsciiDigit(input[1]) ? input[1..] : input;
        return Find(campaign, word) is { } category ? category : CampaignTexts.PressCategory;
    }
}
