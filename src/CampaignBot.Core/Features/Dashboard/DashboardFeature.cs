namespace CampaignBot.Core.Features.Dashboard;

/// <summary>The /dashboard command, sign-in, the access rules and the overview; the host adds the web pages.</summary>
public static class DashboardFeature
{
    public static FeatureParts Parts { get; } = new()
    {
        Settings = [FeatureSettings.Annotated<DashboardOptions>(DashboardOptions.SectionName)],
        Services = [typeof(DashboardAddress), typeof(DashboardAccess), typeof(DashboardSignIn), typeof(DashboardOverview)],
        Commands = [typeof(DashboardCommand)],
        Ports = [(typeof(ICommandAvailability), typeof(DashboardAvailability))],
    };
}
