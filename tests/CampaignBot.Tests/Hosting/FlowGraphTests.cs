using CampaignBot.Core.Conversations;
using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Hosting;

/// <summary>The checked-in pictures of the flows (docs/flows) must be what the code builds.</summary>
public sealed class FlowGraphTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Every_flow_graph_in_docs_matches_the_state_machine_in_code()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var flows = bot.Services.GetServices<IFlowDefinition>().ToList();

        Assert.NotEmpty(flows);
        foreach (var flow in flows)
        {
            var path = Path.Combine(CampaignFiles.RepoRoot, FlowGraphs.DefaultFolder, FlowGraphs.FileName(flow));
            Assert.True(File.Exists(path), $"{path} is missing: run `dotnet run --project src/CampaignBot -- flows export`.");
            var checkedIn = File.ReadAllText(path).ReplaceLineEndings("\n");
            Assert.True(checkedIn == flow.ExportGraph(), $"{path} differs from the {flow.Name} flow in code: run `dotnet run --project src/CampaignBot -- flows export` and review the change.");
        }
    }

    [Fact]
    public async Task The_registration_graph_shows_every_step_and_the_ways_out()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var graph = bot.Services.GetServices<IFlowDefinition>().Single(f => f.Name == "reg").ExportGraph();

        foreach (var state in new[] { "AwaitingCode", "AwaitingName", "AwaitingRank", "AwaitingConfirmation", "Registered", "Cancelled", "TimedOut" })
        {
            Assert.Contains(state, graph, StringComparison.Ordinal);
        }

        Assert.Contains("Back", graph, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
