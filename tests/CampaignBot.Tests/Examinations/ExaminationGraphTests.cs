using CampaignBot.Core.Conversations;

namespace CampaignBot.Tests.Examinations;

/// <summary>The pictures of the examination, review, pledge and check-in flows show their steps and ways out.</summary>
public sealed class ExaminationGraphTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Theory]
    [InlineData("exam", new[] { "AskingChoice", "AskingText", "Reviewing", "Submitted", "Saved", "Cancelled", "TimedOut", "Back" })]
    [InlineData("rev", new[] { "Choosing", "Reading", "AwaitingComment", "Decided", "Back" })]
    [InlineData("pledge", new[] { "ChoosingAreas", "Writing", "Previewing", "Published", "Edit", "Back" })]
    [InlineData("checkin", new[] { "AskingOutcome", "AskingNote", "Done", "Back" })]
    public async Task Each_graph_shows_every_step_and_the_ways_out(string flow, string[] expected)
    {
        await using var bot = await DirectBot.StartAsync(_bot);

        var graph = bot.Services.GetServices<IFlowDefinition>().Single(f => f.Name == flow).ExportGraph();

        Assert.All(expected, name => Assert.Contains(name, graph, StringComparison.Ordinal));
    }

    public void Dispose() => _bot.Dispose();
}
