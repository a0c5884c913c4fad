namespace CampaignBot.Core.Features.Study;

/// <summary>The forms of study (DOMAIN.md) and the topics a session can be about: the seven topics plus a required reading.</summary>
public static class StudyForms
{
    public const string Reading = "reading";

    public static readonly IReadOnlyList<CatalogueItem> All =
    [
        new("collective", "集体学习", "collective study"),
        new("self", "自学", "self-study"),
        new("seminar", "研讨交流", "seminar"),
        new("film", "观看教育片", "film"),
        new("door", "送学上门", "study brought to the door"),
    ];

    public static string FormName(string? code) => All.FirstOrDefault(f => f.Code == code)?.Name ?? code ?? "-";

    public static IReadOnlyList<CatalogueItem> Topics(CampaignDefinition campaign) =>
        [.. campaign.StudyTopics, new(Reading, "必读书目", "required reading")];

    public static string TopicName(CampaignDefinition campaign, string? code) =>
        Topics(campaign).FirstOrDefault(t => t.Code == code)?.Name ?? code ?? "-";
}
