using CampaignBot.Configuration;

namespace CampaignBot.Tests.Configuration;

/// <summary>The shipped config/campaign.yaml and small edits of it, each test making its own copy.</summary>
internal static class CampaignFiles
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ShippedPath => Path.Combine(RepoRoot, "config", "campaign.yaml");

    public static string ShippedText => File.ReadAllText(ShippedPath);

    public static CampaignDefinition LoadShipped() => CampaignLoader.Load(ShippedPath);

    /// <summary>The shipped text with one exact fragment replaced; fails when the fragment is not there exactly once.</summary>
    public static string Edit(string text, string from, string to)
    {
        var first = text.IndexOf(from, StringComparison.Ordinal);
        Assert.True(first >= 0, $"fragment not found: {from}");
        Assert.True(text.IndexOf(from, first + 1, StringComparison.Ordinal) < 0, $"fragment not unique: {from}");
        return string.Concat(text.AsSpan(0, first), to, text.AsSpan(first + from.Length));
    }

    public static string Edit(string from, string to) => Edit(ShippedText, from, to);

    /// <summary>The 1-based line holding <paramref name="marker"/>, which must occur once.</summary>
    public static int LineOf(string text, string marker)
    {
        var index = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(index >= 0, $"marker not found: {marker}");
        Assert.True(text.IndexOf(marker, index + 1, StringComparison.Ordinal) < 0, $"marker not unique: {marker}");
        return text.AsSpan(0, index).Count('\n') + 1;
    }

    /// <summary>Loads text that must fail and returns the exception.</summary>
    public static CampaignConfigException Fail(string yaml) =>
        Assert.Throws<CampaignConfigException>(() => CampaignLoader.LoadFromText(yaml, "test.yaml"));

    /// <summary>The only error of a failing text; fails when there are several.</summary>
    public static CampaignConfigError SingleError(string yaml) => Assert.Single(Fail(yaml).Errors);

    public static string WriteTemp(byte[] bytes)
    {
        var directory = Path.Combine(Path.GetTempPath(), "campaignbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "campaign.yaml");
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public static void DeleteTemp(string path) => Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);

    private static string FindRepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CampaignBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CampaignBot.sln not found above " + AppContext.BaseDirectory);
    }
}
