namespace CampaignBot.Configuration;

public static class CampaignHostingExtensions
{
    /// <summary>Setting that names the campaign file; the demo campaign (<see cref="DemoCampaign"/>) when absent.</summary>
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
    /// Campaign:File (relative to <paramref name="root"/>) when it is set; otherwise the demo campaign, stored on first
    /// start from config/campaign.demo.yaml under <paramref name="root"/> (else the copy beside the program) with its
    /// dates moved to that day (<see cref="DemoCampaign"/>).
    /// </summary>
    public static string ResolveFile(IConfiguration configuration, string root, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[FileSetting] is { Length: > 0 } configured)
        {
            return Under(root, configured);
        }

        var local = Path.Combine(root, DemoCampaign.TemplatePath);
        var template = File.Exists(local) ? local : Path.Combine(AppContext.BaseDirectory, DemoCampaign.TemplatePath);
        var stored = Under(root, configuration[DemoCampaign.StoredSetting] is { Length: > 0 } demo ? demo : DemoCampaign.DefaultStoredPath);
        return DemoCampaign.Prepare(template, stored, (time ?? TimeProvider.System).GetUtcNow());
    }

    private static string Under(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);
}
