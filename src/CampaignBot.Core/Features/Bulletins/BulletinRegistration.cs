namespace CampaignBot.Core.Features.Bulletins;

public static class BulletinRegistration
{
    /// <summary>Monthly dispatch and bulletins: /dispatch, /bulletin, the two monthly jobs, and the "Bulletins" settings.</summary>
    public static IServiceCollection AddBulletins(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BulletinOptions>().BindConfiguration(BulletinOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BulletinOptions>, BulletinOptionsValidator>();
        services.AddSingleton<BulletinBuilder>();
        services.AddSingleton<BulletinPublisher>();
        services.AddSingleton<MonthlyJobs>();
        services.AddSingleton<IJobHandler, DispatchAskJobHandler>();
        services.AddSingleton<IJobHandler, BulletinDraftJobHandler>();
        services.AddHostedService<MonthlyJobSeeder>();
        services.AddSingleton<DispatchFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<DispatchFlow>());
        services.AddSingleton<ICommandHandler, DispatchCommand>();
        services.AddSingleton<ICommandHandler, BulletinCommand>();
        return services;
    }
}
