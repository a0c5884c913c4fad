using CampaignBot.Configuration;

namespace CampaignBot.Hosting;

public static class CampaignRegistration
{
    /// <summary>The campaign for command-line verbs that run without a host; throws <see cref="CampaignConfigException"/> when broken.</summary>
    public static CampaignDefinition LoadCampaign(IConfiguration configuration) =>
        CampaignLoader.Load(CampaignHostingExtensions.ResolveFile(configuration, Directory.GetCurrentDirectory()));
}
