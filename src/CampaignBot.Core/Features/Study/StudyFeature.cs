namespace CampaignBot.Core.Features.Study;

/// <summary>Study, field research and household visits: their flows, /remind, the reminder sweep, the /progress part and the "Reminders" settings.</summary>
public static class StudyFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Annotated<ReminderOptions, ReminderHourValidator>(ReminderOptions.SectionName)],
        Services = [typeof(StudyProgressService), typeof(StudyServices)],
        Commands = [typeof(RemindCommand)],
        ButtonHandlers = [typeof(RemindCommand)],
        Flows = [typeof(StudyFlow), typeof(ResearchFlow), typeof(VisitsFlow)],
        Jobs = [typeof(StudyReminderJobHandler)],
        Seeders = [typeof(StudyReminderSchedule)],
        Ports = [(typeof(Progress.IProgressSection), typeof(StudyProgressSection))],
    };
}
