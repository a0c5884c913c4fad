using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// Every kind of person meets each command as /help offers it: what help shows works, a refusal says what to do
/// next, and one command gets one message.
/// </summary>
public sealed class HelpAndDeadEndsWalkTests : IDisposable
{
    private const string BallotSecret = "test-ballot-secret-0123456789";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Help_offers_the_dashboard_only_while_a_dashboard_runs()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");

        var withoutDashboard = await chat.SayAsync("40", "/help");
        chat.Services.GetRequiredService<DashboardAddress>().BaseUrl = "http://localhost:5000";
        var withDashboard = await chat.SayAsync("40", "/help");

        Assert.DoesNotContain("/dashboard", withoutDashboard, StringComparison.Ordinal);
        Assert.Contains("/dashboard — ", withDashboard, StringComparison.Ordinal);
    }

    private Task<CampaignChat> StartAsync() =>
        CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = BallotSecret });

    public void Dispose() => _bot.Dispose();
}
