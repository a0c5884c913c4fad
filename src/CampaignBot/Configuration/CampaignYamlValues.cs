using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

internal static class CampaignYamlValues
{
    /// <summary>YAML's null: an empty plain value, ~ or null.</summary>
    public static bool IsNull(YamlNode value) =>
        value is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar
        && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");

    public static string Describe(YamlNode value) => value switch
    {
        YamlSequenceNode => "列表",
        YamlMappingNode => "映射（键: 值）",
        YamlScalarNode scalar when IsNull(scalar) => "空值",
        YamlScalarNode scalar => $"“{scalar.Value}”",
        _ => "无法识别的内容",
    };
}
