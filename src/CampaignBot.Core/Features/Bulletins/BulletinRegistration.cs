namespace CampaignBot.Core.Features.Bulletins;

public static class BulletinRegistration
{
    /// <summary>Monthly dispatch and bulletins: /dispatch, /bulletin, the two monthly jobs, and the "Bulletins" settings.</summary>
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<BulletinOptions, BulletinOptionsValidator>(BulletinOptions.SectionName);
        services.AddFeature(new FeatureParts
        {
            Services = [typeof(BulletinBuilder), typeof(BulletinPublisher), typeof(MonthlyJobs)],
            Commands = [typeof(DispatchCommand), typeof(BulletinCommand)],
            Flows = [typeof(DispatchFlow)],
            Jobs = [typeof(DispatchAskJobHandler), typeof(BulletinDraftJobHandler)],
            Seeders = [typeof(MonthlyJobSeeder)],
        });
        return services;
    }
}
