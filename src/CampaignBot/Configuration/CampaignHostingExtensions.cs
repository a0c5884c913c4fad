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
        var path = builder.Configuration[FileSetting] is { Length: > 0 } configured ? configured : CampaignLoader.DefaultPath;
        if (!Path.IsPathRooted(path))
        {
            path = Path.Combine(builder.Environment.ContentRootPath, path);
        }

        builder.Services.AddSingleton<CampaignDefinition>(CampaignLoader.Load(path));
        return builder;
    }
}
