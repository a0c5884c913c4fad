namespace CampaignBot.Core;

/// <summary>
/// The registrations every feature's <c>AddXxx()</c> repeats: its settings, bound and checked at start-up, and the parts
/// that other classes of the feature call directly as well as through the router's or the scheduler's port.
/// </summary>
public static class FeatureServices
{
    /// <summary>Binds <typeparamref name="TOptions"/> to its section; <typeparamref name="TValidator"/> checks it at start-up.</summary>
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateOnStart();
    }

    /// <summary>Binds <typeparamref name="TOptions"/> to its section; its data annotations are checked at start-up.</summary>
    public static OptionsBuilder<TOptions> AddCheckedOptions<TOptions>(this IServiceCollection services, string sectionName)
        where TOptions : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return services.AddOptions<TOptions>().BindConfiguration(sectionName).ValidateDataAnnotations().ValidateOnStart();
    }

    /// <summary>A flow as one singleton: commands and jobs that start it get the same instance the router opens.</summary>
    public static IServiceCollection AddFlow<TFlow>(this IServiceCollection services)
        where TFlow : class, IFlowDefinition
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TFlow>();
        services.AddSingleton<IFlowDefinition>(sp => sp.GetRequiredService<TFlow>());
        return services;
    }

    /// <summary>A job handler as one singleton, shared by the scheduler and the feature's classes that plan its jobs.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services)
        where TJob : class, IJobHandler
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<TJob>();
        services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<TJob>());
        return services;
    }

    /// <summary>A recurring job: its handler, and the hosted service that makes sure the job is in the store at start-up.</summary>
    public static IServiceCollection AddJob<TJob, TSeeder>(this IServiceCollection services)
        where TJob : class, IJobHandler
        where TSeeder : class, IHostedService
    {
        services.AddJob<TJob>();
        services.AddHostedService<TSeeder>();
        return services;
    }
}
