namespace CampaignBot.Core.Features.Dashboard;

/// <summary>/help offers /dashboard only while a dashboard runs (its address is known once the web host listens).</summary>
public sealed class DashboardAvailability(DashboardAddress address) : ICommandAvailability
{
    public string Command => "dashboard";

    public bool IsAvailable => address.BaseUrl is not null;
}
