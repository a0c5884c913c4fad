using CampaignBot.Configuration;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.Tests.Hosting;

public sealed class StartupTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_broken_campaign_file_stops_start_up_naming_the_file_and_line()
    {
        var broken = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(broken, "name: 测试\ntime_zone: [unclosed\n");
        var settings = _bot.Settings;
        settings["Campaign:File"] = broken;

        var error = await Assert.ThrowsAsync<CampaignConfigException>(() => CampaignBotApp.BuildAsync([], settings));

        Assert.Contains(broken, error.Message, StringComparison.Ordinal);
        Assert.Contains(error.Errors, e => e.Line is not null);
        File.Delete(broken);
    }

    [Fact]
    public async Task An_invalid_pipeline_setting_stops_start_up_with_a_sentence_naming_it()
    {
        var settings = _bot.Settings;
        settings["Console:Enabled"] = "false";
        settings["Pipeline:Parallelism"] = "0";
        using var host = await CampaignBotApp.BuildAsync([], settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => host.StartAsync());

        Assert.Contains("Parallelism", StartupProblem.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unanswered_flow_times_out_through_the_sweeper_and_the_inbox()
    {
        // 10:00 in Beijing today: the timeout notice is not held back for quiet hours, whenever the suite runs.
        var clock = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(2), TimeSpan.Zero));
        var settings = _bot.Settings;
        settings["Console:Enabled"] = "false";
        using var host = await CampaignBotApp.BuildAsync([], settings, b => b.Services.AddSingleton<TimeProvider>(clock));
        var services = host.Services;
        var chat = new ChatRef("console", "5", ChatKind.Private);
        await services.GetRequiredService<IInboundSink>().AcceptAsync(new Inbound("t1", 1, chat, new UserRef("5"), new CommandInput("start", ""), clock.GetUtcNow()), CancellationToken.None);
        await services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);

        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(0, await services.GetRequiredService<FlowTimeoutSweeper>().SweepAsync(CancellationToken.None));
        clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await services.GetRequiredService<FlowTimeoutSweeper>().SweepAsync(CancellationToken.None));
        Assert.Null(await services.GetRequiredService<Core.Storage.StoreBundle>().Jobs.GetAsync("flow-timeout:console:5:5", CancellationToken.None));
        await services.GetRequiredService<InboxDispatcher>().RunOnceAsync(CancellationToken.None);

        var stores = services.GetRequiredService<Core.Storage.StoreBundle>();
        var session = await stores.Sessions.GetAsync("console:5:5", CancellationToken.None);
        Assert.Null(session!.Flow);
        var messages = await stores.Outbox.ClaimDueAsync("reader", clock.GetUtcNow(), TimeSpan.FromMinutes(1), 50, CancellationToken.None);
        Assert.Contains(messages.Select(m => m.ReadBody()).OfType<TextMessage>(), m => m.Text.Contains("注册长时间未完成", StringComparison.Ordinal));
    }

    public void Dispose() => _bot.Dispose();
}
