using CampaignBot.Configuration;
using CampaignBot.Core.Campaign;
using Microsoft.Extensions.Configuration;

namespace CampaignBot.Hosting;

public static class CampaignRegistration
{
    /// <summary>The campaign file: Campaign:File, else config/campaign.yaml in the working folder, else beside the program.</summary>
    public static string ResolveCampaignFile(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["Campaign:File"] is { Length: > 0 } configured)
        {
            return configured;
        }

        var local = Path.GetFullPath(CampaignLoader.DefaultPath);
        return File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, CampaignLoader.DefaultPath);
    }

    /// <summary>Loads and validates the campaign; a broken file throws <see cref="CampaignConfigException"/> naming file, line and problem.</summary>
    public static IHostApplicationBuilder AddCampaignDefinition(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var campaign = CampaignLoader.Load(ResolveCampaignFile(builder.Configuration));
        builder.Services.AddSingleton(campaign);
        return builder;
    }

    public static CampaignDefinition LoadCampaign(IConfiguration configuration) => CampaignLoader.Load(ResolveCampaignFile(configuration));
}
