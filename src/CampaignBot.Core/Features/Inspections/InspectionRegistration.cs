using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Progress;
using Microsoft.Extensions.DependencyInjection;

namespace CampaignBot.Core.Features.Inspections;

public static class InspectionRegistration
{
    /// <summary>Random inspections and organisational handling: /inspect, the checklist flow, /handling, the bulletin and /progress parts.</summary>
    public static IServiceCollection AddInspections(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<InspectionOptions>(InspectionOptions.SectionName);
        services.AddSingleton<InspectionService>();
        services.AddSingleton<InspectionFacts>();
        services.AddSingleton<InspectionBulletinPublisher>();
        services.AddSingleton<HandlingCases>();
        services.AddFlow<InspectionFlow>();
        services.AddSingleton<ICommandHandler, InspectCommand>();
        services.AddSingleton<ICommandHandler, HandlingCommand>();
        services.AddSingleton<IBulletinNotes, HandlingBulletinNotes>();
        services.AddSingleton<IProgressSection, HandlingProgressSection>();
        return services;
    }
}
