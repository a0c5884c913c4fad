namespace CampaignBot.Tests.Shared;

/// <summary>The repository's folder (the one holding CampaignBot.sln), found from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CampaignBot.sln not found above the test folder.");
    }

    /// <summary>The shipped campaign file, config/campaign.yaml.</summary>
    public static string CampaignFile => Path.Combine(Root(), "config", "campaign.yaml");
}
