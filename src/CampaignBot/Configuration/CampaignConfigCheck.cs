namespace CampaignBot.Configuration;

/// <summary>The <c>campaignbot config check [path]</c> verb: loads the campaign file and says whether it can be used.</summary>
public static class CampaignConfigCheck
{
    /// <summary>Prints "配置有效" and a summary and returns 0, or prints every error and returns 1.</summary>
    public static int Run(string? path, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var file = string.IsNullOrWhiteSpace(path) ? FindDefault() : path;
        try
        {
            Summarise(file, CampaignLoader.Load(file), output);
            return 0;
        }
        catch (CampaignConfigException ex)
        {
            output.WriteLine($"配置无效：{file} 有 {ex.Errors.Count} 处错误");
            foreach (var error in ex.Errors)
            {
                output.WriteLine($"  {error}");
            }

            return 1;
        }
    }

    /// <summary>The working directory's config/campaign.yaml, else the copy shipped next to the program.</summary>
    private static string FindDefault()
    {
        var shipped = Path.Combine(AppContext.BaseDirectory, CampaignLoader.DefaultPath);
        return File.Exists(CampaignLoader.DefaultPath) || !File.Exists(shipped) ? CampaignLoader.DefaultPath : shipped;
    }

    private static void Summarise(string file, CampaignDefinition campaign, TextWriter output)
    {
        var kinds = campaign.UnitKinds
            .Select(k => (k.Name, Count: campaign.Units.Count(u => u.Kind == k.Code)))
            .Where(k => k.Count > 0)
            .Select(k => string.Create(CultureInfo.InvariantCulture, $"{k.Name} {k.Count}"));
        output.WriteLine($"配置有效：{file}");
        output.WriteLine($"活动：{campaign.Name}，{campaign.Start:yyyy-MM-dd} 至 {campaign.End:yyyy-MM-dd}（{campaign.TimeZone}）");
        output.WriteLine($"环节 {campaign.Phases.Count} 个：{string.Join("、", campaign.Phases.Select(p => $"{p.Name}（{p.Days} 天）"))}");
        output.WriteLine($"单位 {campaign.Units.Count} 个：{string.Join("、", kinds)}");
        output.WriteLine($"职级 {campaign.Ranks.Count} 个：{string.Join("、", campaign.Ranks.Select(r => r.Name))}");
        output.WriteLine($"评价 {campaign.Evaluation.Stages.Count} 项：{string.Join("、", campaign.Evaluation.Stages.Select(s => s.Name))}");
    }
}
