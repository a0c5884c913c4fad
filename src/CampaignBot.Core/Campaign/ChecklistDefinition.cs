namespace CampaignBot.Core.Campaign;

/// <summary>How an item of a self-examination checklist is answered.</summary>
public enum ChecklistAnswerKind
{
    /// <summary>One of 存在 / 部分存在 / 不存在.</summary>
    Choice,

    /// <summary>Free text.</summary>
    Text,

    /// <summary>A choice, then evidence or notes in free text.</summary>
    Both,
}

/// <summary>One question of a checklist; <see cref="Group"/> is the heading it is shown under (四风, 十个方面问题, …).</summary>
public sealed record ChecklistItem(string Code, string Group, string Prompt, ChecklistAnswerKind Answer, bool Required)
{
    /// <summary>The <c>group_en:</c> of the campaign file; null where it gives none.</summary>
    public string? EnglishGroup { get; init; }

    /// <summary>The <c>prompt_en:</c> of the campaign file; null where it gives none.</summary>
    public string? EnglishPrompt { get; init; }

    /// <summary>The heading in both languages (the Chinese where no English is written).</summary>
    public Text Groups => CampaignNames.Both(Group, EnglishGroup);

    /// <summary>The question in both languages (the Chinese where no English is written).</summary>
    public Text Prompts => CampaignNames.Both(Prompt, EnglishPrompt);
}

/// <summary>
/// A self-examination form (对照检查). A member gets the first checklist whose <see cref="Ranks"/> (empty: any rank)
/// and <see cref="WritesReport"/> (null: any kind of unit) match; <see cref="ReviewedBy"/> is the role that reviews it.
/// </summary>
public sealed record ChecklistDefinition(
    string Code,
    string Name,
    IReadOnlyList<string> Ranks,
    bool? WritesReport,
    string ReviewedBy,
    IReadOnlyList<ChecklistItem> Items) : ICampaignNamed
{
    /// <summary>The <c>name_en:</c> of the campaign file; null where it gives none (the Chinese is shown).</summary>
    public string? EnglishName { get; init; }

    public bool AppliesTo(string rank, bool unitWritesReport) =>
        (Ranks.Count == 0 || Ranks.Contains(rank)) && (WritesReport is null || WritesReport == unitWritesReport);
}

/// <summary>The three answers of a choice item, as the campaign's checklists word them.</summary>
public static class ChecklistChoices
{
    public const string Exists = "exists";
    public const string Partly = "partly";
    public const string None = "none";

    public static readonly IReadOnlyList<(string Code, string Chinese, string English)> All =
    [
        (Exists, CampaignTexts.ChoiceExists.Chinese, CampaignTexts.ChoiceExists.English),
        (Partly, CampaignTexts.ChoicePartly.Chinese, CampaignTexts.ChoicePartly.English),
        (None, CampaignTexts.ChoiceNone.Chinese, CampaignTexts.ChoiceNone.English),
    ];

    public static string? Name(string? code, bool english = false) =>
        All.FirstOrDefault(c => c.Code == code) is { Code: not null } c ? (english ? c.English : c.Chinese) : null;

    /// <summary>Reads a button value, a typed number (1–3) or the written word.</summary>
    public static string? Parse(string input)
    {
        var text = input.Trim();
        for (var i = 0; i < All.Count; i++)
        {
            var (code, chinese, english) = All[i];
            if (text == code || text == chinese || text == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)
                || text.Equals(english, StringComparison.OrdinalIgnoreCase))
            {
                return code;
            }
        }

        return null;
    }
}

/// <summary>Campaign-wide lookups over the checklists.</summary>
public static class ChecklistSelection
{
    /// <summary>The checklist for a member of this rank in this unit, or null when none applies.</summary>
    public static ChecklistDefinition? ChecklistFor(this CampaignDefinition campaign, string rank, string unitId)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        var unit = campaign.FindUnit(unitId);
        var writes = unit is not null && campaign.FindUnitKind(unit.Kind) is { WritesReport: true };
        return campaign.Checklists.FirstOrDefault(c => c.AppliesTo(rank, writes));
    }

    public static ChecklistDefinition? FindChecklist(this CampaignDefinition campaign, string code) =>
        campaign.Checklists.FirstOrDefault(c => c.Code == code);
}
