namespace CampaignBot.Core.Features.Study;

/// <summary>What the study, research and visit flows use, registered once.</summary>
public sealed class StudyServices(
    IActivityLogStore log,
    IHouseholdStore households,
    IMemberStore members,
    CampaignCalendar calendar,
    StudyProgressService progress)
{
    public IActivityLogStore Log { get; } = log;

    public IHouseholdStore Households { get; } = households;

    public IMemberStore Members { get; } = members;

    public CampaignCalendar Calendar { get; } = calendar;

    public StudyProgressService Progress { get; } = progress;
}
