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

    /// <summary>The form's name in the reader's language.</summary>
    public static string FormName(string? code, Language language) =>
        All.FirstOrDefault(f => f.Code == code) is { } form ? form.NameIn(language) : code ?? "-";

    public static IReadOnlyList<CatalogueItem> Topics(CampaignDefinition campaign) =>
        [.. campaign.StudyTopics, Form(Reading, StudyTexts.TopicReading)];

    /// <summary>The topic's name in the reader's language (the campaign file's English where it gives one).</summary>
    public static string TopicName(CampaignDefinition campaign, string? code, Language language = Language.Chinese) =>
        Topics(campaign).FirstOrDefault(t => t.Code == code)?.NameIn(language) ?? code ?? "-";

    private static CatalogueItem Form(string code, Text name) => new(code, name.Chinese) { EnglishName = name.English };
}
