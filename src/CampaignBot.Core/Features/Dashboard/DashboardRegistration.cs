namespace CampaignBot.Core.Features.Dashboard;

public static class DashboardRegistration
{
    /// <summary>The /dashboard command, sign-in, the access rules and the overview; the host adds the web pages.</summary>
    public static IServiceCollection AddDashboardCore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<DashboardOptions>(DashboardOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(DashboardAddress), typeof(DashboardAccess), typeof(DashboardSignIn), typeof(DashboardOverview)],
            Commands = [typeof(DashboardCommand)],
        });
        return services;
    }
}
