using System.Text.Json;
using System.Text.RegularExpressions;

namespace CampaignBot.Cli;

/// <summary>Turns the ways start-up fails on bad settings into one sentence that names the setting or file.</summary>
public static partial class StartupProblem
{
    public static string? Describe(Exception exception) => exception switch
    {
        OptionsValidationException invalid =>
            $"配置无效（{invalid.OptionsType.Name}）：{string.Join("；", invalid.Failures)}",
        InvalidDataException { InnerException: { } inner } broken when JsonPosition(inner) is { } line && FileOf(broken) is { } file =>
            $"配置文件 {file} 第 {line} 行不是正确的 JSON（常见原因：多余或缺少的逗号、引号没有配对）。",
        InvalidDataException { InnerException: { } inner } broken when broken.Message.Contains("appsettings", StringComparison.OrdinalIgnoreCase) =>
            $"配置文件无法读取：{broken.Message} {inner.Message}",
        InvalidDataException broken => $"配置文件无法读取：{broken.Message}",
        FormatException format => $"配置值格式错误：{format.Message}",
        InvalidOperationException wrongType when WrongType().Match(wrongType.Message) is { Success: true } match =>
            $"配置值格式错误：设置 {match.Groups["key"].Value} 的值 '{match.Groups["value"].Value}' 不是{Kind(match.Groups["type"].Value)}（appsettings.json、环境变量或命令行）。",
        InvalidOperationException { InnerException: FormatException format } => $"配置值格式错误：{format.Message}",
        _ => null,
    };

    /// <summary>The configuration binder's sentence for a value it cannot convert.</summary>
    [GeneratedRegex("^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex WrongType();

    [GeneratedRegex("'(?<file>[^']+)'")]
    private static partial Regex QuotedFile();

    private static string Kind(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "整数",
        "System.TimeSpan" => "时长（如 00:01:00）",
        "System.Boolean" => " true 或 false",
        "System.Decimal" or "System.Double" => "数字",
        "System.DayOfWeek" => "星期（如 Monday）",
        _ => $" {type}",
    };

    /// <summary>The line (from 1) of a JSON syntax error, wherever in the chain the reader's exception is.</summary>
    private static long? JsonPosition(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException { LineNumber: { } line })
            {
                return line + 1;
            }
        }

        return null;
    }

    private static string? FileOf(InvalidDataException broken) =>
        QuotedFile().Match(broken.Message) is { Success: true } match ? match.Groups["file"].Value : null;
}
