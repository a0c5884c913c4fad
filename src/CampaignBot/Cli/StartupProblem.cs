namespace CampaignBot.Cli;

/// <summary>Turns the ways start-up fails on bad settings into one sentence that names the setting or file.</summary>
public static class StartupProblem
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid =>
            $"配置无效（{invalid.OptionsType.Name}）：{string.Join("；", invalid.Failures)}",
        InvalidDataException { InnerException: { } inner } broken when broken.Message.Contains("appsettings", StringComparison.OrdinalIgnoreCase) =>
            $"配置文件无法读取：{broken.Message} {inner.Message}",
        InvalidDataException broken => $"配置文件无法读取：{broken.Message}",
        FormatException format => $"配置值格式错误：{format.Message}",
        InvalidOperationException { InnerException: FormatException format } => $"配置值格式错误：{format.Message}",
        _ => null,
    };
}
