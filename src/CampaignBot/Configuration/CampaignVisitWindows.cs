using YamlDotNet.RepresentationModel;

namespace CampaignBot.Configuration;

/// <summary>
/// The optional <c>visit_windows:</c> section: each window either has from/to dates inside the campaign, or names a
/// phase (the visitor's unit's own dates for that phase). Never both, never neither.
/// </summary>
internal static class CampaignVisitWindows
{
    public const string Key = "visit_windows";

    public static List<VisitWindow> Read(CampaignYamlMap top, CampaignHeader? header, CampaignErrorList errors)
    {
        if (top.Find(Key) is null)
        {
            return [];
        }

        return CampaignLists.Read(top, Key, "code", item =>
        {
            var code = item.Text("code");
            var name = item.Text("name");
            var english = item.EnglishName();
            var from = item.Date("from", required: false);
            var to = item.Date("to", required: false);
            var phase = item.Text("phase", required: false);
            var where = item.Path;
            if (phase is not null && (from is not null || to is not null))
            {
                errors.Add(item.Node, $"{where} 写了 phase 就不要再写 from / to（按单位自己的环节日期计算）。");
                return null;
            }

            if (phase is not null && WrittenPhaseCodes(top) is { Count: > 0 } written && !written.Contains(phase))
            {
                errors.Add(item.Find("phase")!, $"{where} 的 phase “{phase}” 不是 phases 中的 code（可用：{string.Join("、", written)}）。");
                return null;
            }

            if (phase is null && (from is null || to is null))
            {
                errors.Add(item.Node, $"{where} 要么写 phase，要么同时写 from 和 to（日期如 2027-02-01）。");
                return null;
            }

            if (from > to)
            {
                errors.Add(item.Find("from")!, $"{where} 的 from（{from:yyyy-MM-dd}）晚于 to（{to:yyyy-MM-dd}）。");
                return null;
            }

            if (header is not null && from is { } f && to is { } t && (t < header.Start || f > header.End))
            {
                errors.Add(item.Node, $"{where} 的日期 {f:yyyy-MM-dd} 至 {t:yyyy-MM-dd} 完全在活动期间（{header.Start:yyyy-MM-dd} 至 {header.End:yyyy-MM-dd}）之外。");
                return null;
            }

            return code is null || name is null ? null : new VisitWindow(code, name, from, to, phase) { EnglishName = english };
        }, errors);
    }

    /// <summary>Every phase code written, also of phases with errors, so a broken phase is not reported twice.</summary>
    private static HashSet<string> WrittenPhaseCodes(CampaignYamlMap top) =>
        top.Find("phases") is YamlSequenceNode list
            ? [.. list.Children.OfType<YamlMappingNode>()
                .Select(item => item.Children.TryGetValue(new YamlScalarNode("code"), out var code) ? (code as YamlScalarNode)?.Value : null)
                .OfType<string>()]
            : [];
}
