using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core;

/// <summary>
/// What a feature adds to the bot, as a table: its services, and the parts the router, the scheduler and the host find
/// through their ports (commands, flows, button handlers, jobs, start-up seeders) or through a feature's own port.
/// </summary>
public sealed record FeatureParts
{
    /// <summary>Classes the feature's other parts use directly.</summary>
    public IReadOnlyList<Type> Services { get; init; } = [];

    public IReadOnlyList<Type> Commands { get; init; } = [];

    public IReadOnlyList<Type> Flows { get; init; } = [];

    public IReadOnlyList<Type> ButtonHandlers { get; init; } = [];

    public IReadOnlyList<Type> Jobs { get; init; } = [];

    /// <summary>Hosted services that put the feature's recurring jobs in the store at start-up.</summary>
    public IReadOnlyList<Type> Seeders { get; init; } = [];

    /// <summary>Implementations of another feature's port (a /progress section, a ballot briefing), by the port.</summary>
    public IReadOnlyList<(Type Port, Type Implementation)> Ports { get; init; } = [];
}

/// <summary>The registrations every feature's <c>AddXxx()</c> repeats.</summary>
public static class FeatureServices
{
    /// <summary>
    /// Registers each part once as a singleton: a command, flow, button handler or job is the same instance whether a
    /// class of the feature asks for it or the router or scheduler finds it through its port. A part that does not
    /// implement its port is refused at start-up.
    /// </summary>
    public static IServiceCollection AddFeature(this IServiceCollection services, FeatureParts parts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var service in parts.Services)
        {
            services.AddSingleton(service);
        }

        services.AddForwarded(typeof(ICommandHandler), parts.Commands);
        services.AddForwarded(typeof(IFlowDefinition), parts.Flows);
        services.AddForwarded(typeof(IButtonHandler), parts.ButtonHandlers);
        services.AddForwarded(typeof(IJobHandler), parts.Jobs);
        foreach (var seeder in parts.Seeders)
        {
            Check(typeof(IHostedService), seeder);
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IHostedService), seeder));
        }

        foreach (var (port, implementation) in parts.Ports)
        {
            Check(port, implementation);
            services.AddSingleton(port, implementation);
        }

        return services;
    }

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

    private static void AddForwarded(this IServiceCollection services, Type port, IReadOnlyList<Type> implementations)
    {
        foreach (var implementation in implementations)
        {
            Check(port, implementation);
            services.TryAddSingleton(implementation);
            services.AddSingleton(port, sp => sp.GetRequiredService(implementation));
        }
    }

    private static void Check(Type port, Type implementation)
    {
        if (!implementation.IsClass || implementation.IsAbstract || !port.IsAssignableFrom(implementation))
        {
            throw new ArgumentException($"{implementation.FullName} is registered as a {port.Name} but is not a class that implements it.", nameof(implementation));
        }
    }
}
