using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>Reads the lists of the campaign file: each item a mapping, each code unique and plain ASCII.</summary>
internal static partial class CampaignLists
{
    /// <summary>
    /// Reads each item; <paramref name="written"/> receives every code written, even of items with errors,
    /// so that references to a broken item are not reported a second time.
    /// </summary>
    public static List<T> Read<T>(
        CampaignYamlMap parent,
        string key,
        string codeKey,
        Func<CampaignYamlMap, T?> readItem,
        CampaignErrorList errors,
        ISet<string>? written = null)
        where T : class
    {
        var result = new List<T>();
        if (parent.List(key) is not { } list)
        {
            return result;
        }

        var seen = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < list.Children.Count; i++)
        {
            if (CampaignYamlMap.From(list.Children[i], $"{key} 第 {i + 1} 项", errors) is not { } item)
            {
                continue;
            }

            var value = readItem(item);
            if (item.Find(codeKey) is YamlScalarNode { Value: { Length: > 0 } code } codeNode && !CampaignYamlValues.IsNull(codeNode))
            {
                CheckCode(key, codeKey, code, codeNode, seen, errors);
                written?.Add(code);
            }

            item.RejectUnknownKeys();
            if (value is not null)
            {
                result.Add(value);
            }
        }

        return result;
    }

    public static List<CatalogueItem> ReadCatalogue(CampaignYamlMap parent, string key, CampaignErrorList errors) =>
        Read(parent, key, "code", ReadCatalogueItem, errors);

    public static CatalogueItem? ReadCatalogueItem(CampaignYamlMap item)
    {
        var code = item.Text("code");
        var name = item.Text("name");
        var english = item.EnglishName();
        var description = item.Text("description", required: false);
        var englishDescription = item.English("description_en", CampaignYamlMap.MaxEnglishText);
        return code is null || name is null
            ? null
            : new CatalogueItem(code, name, description) { EnglishName = english, EnglishDescription = description is null ? null : englishDescription };
    }

    private static void CheckCode(string key, string codeKey, string code, YamlNode codeNode, Dictionary<string, long> seen, CampaignErrorList errors)
    {
        // Codes travel in commands and button payloads, so they stay short plain ASCII.
        if (!CodePattern().IsMatch(code))
        {
            errors.Add(codeNode, $"{key} 中的 {codeKey} “{code}” 只能由英文字母、数字、下划线或连字符组成（中文名称请写在 name 里）。");
        }

        if (seen.TryGetValue(code, out var firstLine))
        {
            errors.Add(codeNode, $"{key} 中的 {codeKey} “{code}” 重复，第 {firstLine} 行已经用过；{codeKey} 必须各不相同。");
        }
        else
        {
            seen[code] = codeNode.Start.Line;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
