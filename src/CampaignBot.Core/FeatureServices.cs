using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CampaignBot.Core;

/// <summary>
/// What a feature adds to the bot, as a table: its settings, its services, and the parts the router, the scheduler and the
/// host find through their ports (commands, flows, button handlers, jobs, start-up seeders) or through a feature's own port.
/// Each feature declares its table once, in its folder (<c>Features/X/XFeature.cs</c>); <see cref="CampaignFeatures"/> lists them.
/// </summary>
public sealed record FeatureParts
{
    /// <summary>The settings sections the feature reads, bound and checked at start-up.</summary>
    public IReadOnlyList<FeatureSettings> Settings { get; init; } = [];

    /// <summary>Classes the feature's other parts use directly.</summary>
    public IReadOnlyList<Type> Services { get; init; } = [];

    public IReadOnlyList<Type> Commands { get; init; } = [];

    public IReadOnlyList<Type> Flows { get; init; } = [];

    public IReadOnlyList<Type> ButtonHandlers { get; init; } = [];

    public IReadOnlyList<Type> Jobs { get; init; } = [];

    /// <summary>Hosted services that put the feature's recurring jobs in the store at start-up.</summary>
    public IReadOnlyList<Type> Seeders { get; init; } = [];

    /// <summary>
    /// Implementations of a port (another feature's, such as a /progress section or a ballot briefing, or the feature's own),
    /// by the port; one instance, whether asked for through the port or by its class.
    /// </summary>
    public IReadOnlyList<(Type Port, Type Implementation)> Ports { get; init; } = [];

    /// <summary>Implementations of a port that are made with arguments (one audience check per command), by the port.</summary>
    public IReadOnlyList<(Type Port, Func<IServiceProvider, object> Make)> MadePorts { get; init; } = [];
}

/// <summary>A settings section of a feature: its options class bound to the section and checked at start-up.</summary>
public sealed class FeatureSettings
{
    private readonly Action<IServiceCollection> add;

    private FeatureSettings(Action<IServiceCollection> add) => this.add = add;

    /// <summary><typeparamref name="TOptions"/> bound to <paramref name="sectionName"/>, checked by <typeparamref name="TValidator"/>.</summary>
    public static FeatureSettings Checked<TOptions, TValidator>(string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return new(services => services.AddCheckedOptions<TOptions, TValidator>(sectionName));
    }

    /// <summary><typeparamref name="TOptions"/> bound to <paramref name="sectionName"/>, checked by its data annotations.</summary>
    public static FeatureSettings Annotated<TOptions>(string sectionName)
        where TOptions : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return new(services => services.AddCheckedOptions<TOptions>(sectionName));
    }

    /// <summary><typeparamref name="TOptions"/> bound to <paramref name="sectionName"/>, checked by <typeparamref name="TValidator"/> and by its data annotations.</summary>
    public static FeatureSettings Annotated<TOptions, TValidator>(string sectionName)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionName);
        return new(services => services.AddCheckedOptions<TOptions, TValidator>(sectionName).ValidateDataAnnotations());
    }

    internal void AddTo(IServiceCollection services) => add(services);
}

/// <summary>Registers features from their tables: the one place that says how a part becomes a service.</summary>
public static class FeatureServices
{
    /// <summary>Registers each feature's table with <see cref="AddFeature"/>, in the order given.</summary>
    public static IServiceCollection AddFeatures(this IServiceCollection services, IEnumerable<FeatureParts> features)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(features);
        foreach (var parts in features)
        {
            services.AddFeature(parts);
        }

        return services;
    }

    /// <summary>
    /// Binds the feature's settings and registers each part once as a singleton: a command, flow, button handler, job or
    /// port implementation is the same instance whether a class of the feature asks for it or the router, the scheduler or
    /// another feature finds it through its port. A part that does not implement its port is refused at start-up.
    /// </summary>
    public static IServiceCollection AddFeature(this IServiceCollection services, FeatureParts parts)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(parts);
        foreach (var settings in parts.Settings)
        {
            settings.AddTo(services);
        }

        foreach (var service in parts.Services)
        {
            services.TryAddSingleton(service);
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
            services.AddForwarded(port, [implementation]);
        }

        foreach (var (port, make) in parts.MadePorts)
        {
            services.AddSingleton(port, make);
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
