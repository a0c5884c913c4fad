using CampaignBot.Core.Features.Organisation;

namespace CampaignBot.Features.Organisation;

public static class OrganisationHosting
{
    /// <summary>
    /// Merges the stored units (imports, WeCom sync) into the loaded campaign before anything else reads it, so every
    /// feature sees one tree. Needs the campaign and the store registered first.
    /// </summary>
    public static async Task<IHostApplicationBuilder> AddStoredUnitsAsync(this IHostApplicationBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var campaign = Instance<CampaignDefinition>(builder.Services);
        var stores = Instance<StoreBundle>(builder.Services);
        await UnitTree.RefreshAsync(campaign, stores.Units, cancellationToken);
        return builder;
    }

    private static T Instance<T>(IServiceCollection services) =>
        services.LastOrDefault(d => d.ServiceType == typeof(T))?.ImplementationInstance is T instance
            ? instance
            : throw new InvalidOperationException($"{typeof(T).Name} must be registered as an instance before the stored units are merged.");
}
