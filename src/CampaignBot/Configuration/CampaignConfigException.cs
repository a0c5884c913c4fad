namespace CampaignBot.Configuration;

/// <summary>One problem in the campaign file: where it is (line and column are 1-based, null when the whole file is meant) and what to do.</summary>
public sealed record CampaignConfigError(string Source, int? Line, int? Column, string Message)
{
    public override string ToString() => Line is { } line
        ? string.Create(CultureInfo.InvariantCulture, $"{Source} 第 {line} 行第 {Column ?? 1} 列：{Message}")
        : $"{Source}：{Message}";
}

/// <summary>The campaign file cannot be used; <see cref="Errors"/> lists every problem found, in file order.</summary>
public sealed class CampaignConfigException : Exception
{
    public CampaignConfigException()
        : this("campaign.yaml", [])
    {
    }

    public CampaignConfigException(string message)
        : base(message)
    {
        SourceName = "campaign.yaml";
        Errors = [new CampaignConfigError(SourceName, null, null, message)];
    }

    public CampaignConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        SourceName = "campaign.yaml";
        Errors = [new CampaignConfigError(SourceName, null, null, message)];
    }

    public CampaignConfigException(string sourceName, IReadOnlyList<CampaignConfigError> errors)
        : base(Describe(sourceName, errors))
    {
        SourceName = sourceName;
        Errors = errors;
    }

    public string SourceName { get; }

    public IReadOnlyList<CampaignConfigError> Errors { get; }

    private static string Describe(string sourceName, IReadOnlyList<CampaignConfigError> errors)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"活动配置文件 {sourceName} 有 {errors.Count} 处错误：");
        foreach (var error in errors)
        {
            text.AppendLine().Append(error);
        }

        return text.ToString();
    }
}
