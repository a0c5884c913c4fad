using CampaignBot.Core.Conversations;

namespace CampaignBot.Cli;

/// <summary>Writes each flow's state graph to docs/flows/&lt;flow&gt;.dot, the pictures reviewers see change.</summary>
public static class FlowGraphs
{
    public const string DefaultFolder = "docs/flows";

    public static string FileName(IFlowDefinition flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return $"{flow.Name}.dot";
    }

    public static async Task<int> ExportAsync(IEnumerable<IFlowDefinition> flows, string folder, TextWriter output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(output);
        Directory.CreateDirectory(folder);
        foreach (var flow in flows)
        {
            var path = Path.Combine(folder, FileName(flow));
            await File.WriteAllTextAsync(path, flow.ExportGraph(), cancellationToken);
            await output.WriteLineAsync($"{flow.Title(Core.Messaging.Language.Chinese)}：{path}");
        }

        return 0;
    }
}
