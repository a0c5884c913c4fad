namespace CampaignBot.Core;

/// <summary>
/// The capabilities whose parts are declared as a table in their folder, in the order they are registered: the order of
/// their commands in /help and of their sections in /progress and the bulletin.
/// </summary>
public static class CampaignFeatures
{
    public static IReadOnlyList<FeatureParts> All { get; } =
    [
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
