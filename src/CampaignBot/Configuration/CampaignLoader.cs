using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>Loads <c>config/campaign.yaml</c> and checks it; any problem becomes a <see cref="CampaignConfigException"/> listing all errors.</summary>
public static class CampaignLoader
{
    public const string DefaultPath = "config/campaign.yaml";

    private const string CommonCauses = "常见原因是缩进不一致（请用空格，不要用 Tab）、冒号后缺空格、引号或括号没有配对。";

    public static CampaignDefinition Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var errors = new CampaignErrorList(path);
        if (!File.Exists(path))
        {
            errors.AddForFile($"找不到配置文件（完整路径 {Path.GetFullPath(path)}）；请检查路径，或从 config/campaign.yaml 复制一份。");
            throw errors.ToException();
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            errors.AddForFile($"无法读取配置文件：{ex.Message}");
            throw errors.ToException();
        }

        return CampaignText.Decode(bytes, errors) is { } text ? LoadFromText(text, path) : throw errors.ToException();
    }

    public static CampaignDefinition LoadFromText(string yaml, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        var errors = new CampaignErrorList(sourceName);
        if (Parse(yaml, errors) is { } root && CampaignParser.Parse(root, errors) is { } campaign && errors.Count == 0)
        {
            return campaign;
        }

        throw errors.ToException();
    }

    private static YamlNode? Parse(string yaml, CampaignErrorList errors)
    {
        var stream = new YamlStream();
        var parser = new CampaignTrackingParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, Explain(ex));
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or IndexOutOfRangeException)
        {
            // The parser failed without saying where; point at the end of what it still understood.
            errors.Add(parser.LastGood, $"YAML 格式错误：从这里往后的内容无法解析（{ex.Message}）。{CommonCauses}");
            return null;
        }

        switch (stream.Documents.Count)
        {
            case 0:
                errors.AddForFile("配置文件是空的（没有任何内容，或只有注释）；请从仓库中的 config/campaign.yaml 复制一份再修改。");
                return null;
            case > 1:
                errors.Add(stream.Documents[1].RootNode, "文件中有多个 YAML 文档；请去掉多余的“---”分隔线，只保留一份配置。");
                return null;
            default:
                return stream.Documents[0].RootNode;
        }
    }

    private static string Explain(YamlException ex)
    {
        var detail = ex.InnerException?.Message ?? ex.Message;
        if (ex.Message.StartsWith("Duplicate key", StringComparison.Ordinal))
        {
            return $"同一层里出现了重复的键（{ex.Message}）；每个键只能写一次。";
        }

        return $"YAML 格式错误：{detail}。{CommonCauses}";
    }
}
