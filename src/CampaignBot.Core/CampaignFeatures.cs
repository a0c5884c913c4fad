namespace CampaignBot.Core;

/// <summary>
/// Every capability, its parts declared as a table in its folder, in the order they are registered: the order of
/// their commands in /help and of their sections in /progress and the bulletin.
/// </summary>
public static class CampaignFeatures
{
    public static IReadOnlyList<FeatureParts> All { get; } =
    [
        Features.Organisation.OrganisationFeature.Parts,
        Features.Registration.RegistrationFeature.Parts,
        Features.Help.HelpFeature.Parts,
        Features.Groups.GroupFeature.Parts,
        Features.Examinations.ExaminationFeature.Parts,
        Features.Pledges.PledgeFeature.Parts,
        Features.Progress.ProgressFeature.Parts,
        Features.Study.StudyFeature.Parts,
        Features.Evaluations.EvaluationFeature.Parts,
        Features.Members.MembersFeature.Parts,
        Features.Dashboard.DashboardFeature.Parts,
        Features.Opinions.OpinionFeature.Parts,
        Features.Ledger.LedgerFeature.Parts,
        Features.Bulletins.BulletinFeature.Parts,
        Features.LifeMeetings.LifeMeetingFeature.Parts,
        Features.Inspections.InspectionFeature.Parts,
        Features.Contacts.ContactFeature.Parts,
    ];
}
