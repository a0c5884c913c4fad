namespace CampaignBot.Core.Features.Bulletins;

public static class BulletinRegistration
{
    /// <summary>Monthly dispatch and bulletins: /dispatch, /bulletin, the two monthly jobs, and the "Bulletins" settings.</summary>
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddCheckedOptions<BulletinOptions, BulletinOptionsValidator>(BulletinOptions.SectionName);
        services.AddSingleton<BulletinBuilder>();
        services.AddSingleton<BulletinPublisher>();
        services.AddSingleton<MonthlyJobs>();
        services.AddSingleton<IJobHandler, DispatchAskJobHandler>();
        services.AddSingleton<IJobHandler, BulletinDraftJobHandler>();
        services.AddHostedService<MonthlyJobSeeder>();
        services.AddFlow<DispatchFlow>();
        services.AddSingleton<ICommandHandler, DispatchCommand>();
        services.AddSingleton<ICommandHandler, BulletinCommand>();
        return services;
    }
}
