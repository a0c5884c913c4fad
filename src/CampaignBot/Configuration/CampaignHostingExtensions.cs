using CampaignBot.Core.Campaign;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Configuration;

public static class CampaignHostingExtensions
{
    /// <summary>Setting that names the campaign file; <see cref="CampaignLoader.DefaultPath"/> when absent.</summary>
    public const string FileSetting = "Campaign:File";

    /// <summary>
    /// Loads the campaign file now and registers it as a singleton, so a wrong file stops start-up
    /// with the file's errors instead of failing on the first message.
    /// </summary>
    public static IHostApplicationBuilder AddCampaignDefinition(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<CampaignDefinition>(CampaignLoader.Load(ResolveFile(builder.Configuration, builder.Environment.ContentRootPath)));
        return builder;
    }

    /// <summary>
    /// Campaign:File (relative to <paramref name="root"/>), else config/campaign.yaml under <paramref name="root"/>,
    /// else the copy beside the program (so a published build runs from any folder).
    /// </summary>
    public static string ResolveFile(IConfiguration configuration, string root)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[FileSetting] is { Length: > 0 } configured)
        {
            return Path.IsPathRooted(configured) ? configured : Path.Combine(root, configured);
        }

        var local = Path.Combine(root, CampaignLoader.DefaultPath);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, CampaignLoader.DefaultPath);
    }
}
