namespace CampaignBot.Core.Features.Inspections;

/// <summary>Who does what with inspections: the office draws and publishes; the office and supervisors inspect.</summary>
public static class InspectionAccess
{
    public static bool MayDraw(Member? member) => member is { Role: Roles.CampaignOffice, IsActive: true };

    public static bool MayInspect(Member? member) => member is { Role: Roles.CampaignOffice or Roles.Supervisor, IsActive: true };
}
