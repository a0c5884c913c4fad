using CampaignBot.Core.Pipeline;
using CampaignBot.Storage.Tests.Mongo;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Hosting;

/// <summary>
/// A member in the middle of a flow when the host stops for the night, on a SQLite file or a MongoDB database: the flow
/// times out after the restart, and its notice waits for the end of the quiet hours.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class RestartOverNightTests(MongoEngineFixture mongo)
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_flow_left_open_when_the_host_stopped_times_out_after_the_restart_and_its_notice_waits_for_the_morning(string store)
    {
        await using var bot = await EvaluationBot.StartAsync(store == "mongo"
            ? new() { ["Mongo:ConnectionString"] = mongo.ConnectionString, ["Mongo:Database"] = mongo.NewDatabaseName() }
            : null);
        await bot.RegisterAsync("m1");
        var chat = EvaluationBot.Private("m1");
        bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 21, 0, 0, Beijing));
        Assert.NotEmpty(await bot.CommandAsync(chat, "m1", "study"));

        await bot.RestartAsync();
        bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, 2, 3, 0, 0, Beijing));
        var swept = await bot.Services.GetRequiredService<FlowTimeoutSweeper>().SweepAsync(CancellationToken.None);
        var atNight = await bot.AdvanceAsync(TimeSpan.Zero);
        var morning = await bot.AdvanceAsync(TimeSpan.FromHours(5));
        var later = await bot.AdvanceAsync(TimeSpan.FromHours(1));

        Assert.Equal(1, swept);
        Assert.DoesNotContain(atNight, m => m.Chat.Id == "m1");
        Assert.Contains("已自动退出", EvaluationBot.Texts(morning.Where(m => m.Chat.Id == "m1")), StringComparison.Ordinal);
        Assert.DoesNotContain(later, m => m.Chat.Id == "m1");
        Assert.Equal(0, await bot.Services.GetRequiredService<FlowTimeoutSweeper>().SweepAsync(CancellationToken.None));
    }
}
