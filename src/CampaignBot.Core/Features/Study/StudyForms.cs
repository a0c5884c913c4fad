namespace CampaignBot.Core.Features.Study;

/// <summary>The forms of study (DOMAIN.md) and the topics a session can be about: the seven topics plus a required reading.</summary>
public static class StudyForms
{
    public const string Reading = "reading";

    public static readonly IReadOnlyList<CatalogueItem> All =
    [
        Form("collective", StudyTexts.FormCollective),
        Form("self", StudyTexts.FormSelf),
        Form("seminar", StudyTexts.FormSeminar),
        Form("film", StudyTexts.FormFilm),
        Form("door", StudyTexts.FormDoor),
    ];

    public static string FormName(string? code) => All.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "-";

    /// <summary>The form's name in the reader's language (its English is the item's description).</summary>
    public static string FormName(string? code, Language language) =>
        All.FirstOrDefault(f => f.Code == code) is { } form ? (language == Language.English ? form.Description ?? form.Name : form.Name) : code ?? "-";

    public static IReadOnlyList<CatalogueItem> Topics(CampaignDefinition campaign) =>
        [.. campaign.StudyTopics, Form(Reading, StudyTexts.TopicReading)];

    public static string TopicName(CampaignDefinition campaign, string? code) =>
        Topics(campaign).FirstOrDefault(t => t.Code == code)?.Name ?? code ?? "-";

    private static CatalogueItem Form(string code, Text name) => new(code, name.Chinese, name.English);
}
