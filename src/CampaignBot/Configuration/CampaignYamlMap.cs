using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>
/// A YAML mapping read key by key. Every key asked for becomes known, so whatever is left at the end
/// is an unknown key (usually a typo) and is reported with its line.
/// </summary>
internal sealed partial class CampaignYamlMap
{
    private readonly YamlMappingNode node;
    private readonly CampaignErrorList errors;
    private readonly List<string> known = [];

    private CampaignYamlMap(YamlMappingNode node, string path, CampaignErrorList errors)
    {
        this.node = node;
        this.errors = errors;
        Path = path;
    }

    /// <summary>How the office reads this place: "ranks 第 2 项", "campaign", or empty for the top level.</summary>
    public string Path { get; }

    public YamlNode Node => node;

    public static CampaignYamlMap? From(YamlNode value, string path, CampaignErrorList errors)
    {
        if (value is YamlMappingNode mapping)
        {
            return new CampaignYamlMap(mapping, path, errors);
        }

        errors.Add(value, $"{Name(path)} 应为“键: 值”的映射，实际是{CampaignYamlValues.Describe(value)}。");
        return null;
    }

    /// <summary>The value under <paramref name="key"/>, or null when the key is absent.</summary>
    public YamlNode? Find(string key)
    {
        if (!known.Contains(key))
        {
            known.Add(key);
        }

        return node.Children.FirstOrDefault(c => c.Key is YamlScalarNode k && k.Value == key).Value;
    }

    /// <summary>The value under a key that must be there and must not be empty.</summary>
    public YamlNode? Required(string key)
    {
        var value = Find(key);
        if (value is null)
        {
            errors.Add(node, Path.Length == 0 ? $"缺少必填的部分 {key}。" : $"{Path} 缺少必填的键 {key}。");
            return null;
        }

        if (CampaignYamlValues.IsNull(value))
        {
            errors.Add(value, $"{Where(key)} 不能为空。");
            return null;
        }

        return value;
    }

    public CampaignYamlMap? Map(string key, string path, bool required = true)
    {
        var value = required ? Required(key) : Find(key);
        return value is null || CampaignYamlValues.IsNull(value) ? null : From(value, path, errors);
    }

    /// <summary>The items of a list that must be there and hold at least one item.</summary>
    public YamlSequenceNode? List(string key)
    {
        if (Required(key) is not { } value)
        {
            return null;
        }

        if (value is not YamlSequenceNode list)
        {
            errors.Add(value, $"{Where(key)} 应为列表（每项以“- ”开头），实际是{CampaignYamlValues.Describe(value)}。");
            return null;
        }

        if (list.Children.Count == 0)
        {
            errors.Add(value, $"{Where(key)} 不能是空列表。");
            return null;
        }

        return list;
    }

    public void RejectUnknownKeys()
    {
        foreach (var key in node.Children.Keys)
        {
            var name = (key as YamlScalarNode)?.Value ?? key.ToString();
            if (!known.Contains(name))
            {
                var place = Path.Length == 0 ? "顶层" : Path + " 中";
                errors.Add(key, $"{place}有未知的键 {name}；这里可用的键是：{string.Join("、", known)}。");
            }
        }
    }

    public string Where(string key) => Path.Length == 0 ? key : $"{Path} 的 {key}";

    private static string Name(string path) => path.Length == 0 ? "配置文件的顶层" : path;
}
