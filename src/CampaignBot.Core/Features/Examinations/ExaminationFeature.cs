namespace CampaignBot.Core.Features.Examinations;

/// <summary>Self-examination (对照检查): the examination and review flows, the reviewers, the reminders and the problems port.</summary>
public static class ExaminationFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Services = [typeof(ExaminationReviewers)],
        Flows = [typeof(ExaminationFlow), typeof(ReviewFlow)],
        Jobs = [typeof(ExaminationReminders)],
        Seeders = [typeof(ExaminationReminderSeeder)],
        Ports = [(typeof(IExaminationProblems), typeof(ExaminationProblems))],
    };
}
