using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Inspections;

/// <summary>Random inspections and organisational handling: /inspect, the checklist flow, /handling, the bulletin and /progress parts.</summary>
public static class InspectionFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Annotated<InspectionOptions>(InspectionOptions.SectionName)],
        Services = [typeof(InspectionService), typeof(InspectionFacts), typeof(InspectionBulletinPublisher), typeof(HandlingCases)],
        Commands = [typeof(InspectCommand), typeof(HandlingCommand)],
        Flows = [typeof(InspectionFlow)],
        Ports = [(typeof(IBulletinNotes), typeof(HandlingBulletinNotes)), (typeof(IProgressSection), typeof(HandlingProgressSection))],
    };
}
