using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Progress;

namespace CampaignBot.Core.Features.Inspections;

public static class InspectionRegistration
{
    /// <summary>Random inspections and organisational handling: /inspect, the checklist flow, /handling, the bulletin and /progress parts.</summary>
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<InspectionOptions>(InspectionOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(InspectionService), typeof(InspectionFacts), typeof(InspectionBulletinPublisher), typeof(HandlingCases)],
            Commands = [typeof(InspectCommand), typeof(HandlingCommand)],
            Flows = [typeof(InspectionFlow)],
            Ports = [(typeof(IBulletinNotes), typeof(HandlingBulletinNotes)), (typeof(IProgressSection), typeof(HandlingProgressSection))],
        });
        return services;
    }
}
