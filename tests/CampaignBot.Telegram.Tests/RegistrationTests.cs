using CampaignBot.Core.Pipeline;
using CampaignBot.Telegram.Receiving;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CampaignBot.Telegram.Tests;

public sealed class RegistrationTests
{
    private static IHost Build(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddSingleton<IInboundSink>(new RecordingSink());
        builder.AddTelegramChannel();
        return builder.Build();
    }

    [Fact]
    public void Without_a_token_the_channel_adds_nothing()
    {
        using var host = Build(new() { ["Telegram:Mode"] = "webhook" });

        Assert.Empty(host.Services.GetServices<IChannelSender>());
        Assert.Empty(host.Services.GetServices<IHostedService>().OfType<TelegramPollingService>());
    }

    [Fact]
    public void Polling_mode_runs_the_polling_loop_and_webhook_mode_does_not()
    {
        using var polling = Build(new() { ["Telegram:Token"] = TelegramHarness.Token });
        using var webhook = Build(new()
        {
            ["Telegram:Token"] = TelegramHarness.Token,
            ["Telegram:Mode"] = "webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/hook",
            ["Telegram:WebhookSecret"] = "abc",
        });

        Assert.Single(polling.Services.GetServices<IHostedService>().OfType<TelegramPollingService>());
        Assert.Empty(webhook.Services.GetServices<IHostedService>().OfType<TelegramPollingService>());
        Assert.Equal("telegram", Assert.Single(webhook.Services.GetServices<IChannelSender>()).Channel);
    }

    [Theory]
    [InlineData("Mode", "pull", "Telegram:Mode")]
    [InlineData("ApiBaseUrl", "localhost:8081", "Telegram:ApiBaseUrl")]
    [InlineData("PollTimeoutSeconds", "90", "Telegram:PollTimeoutSeconds")]
    [InlineData("Token", "no-colon", "Telegram:Token")]
    public async Task Wrong_setting_stops_start_up_with_a_sentence_naming_it(string key, string value, string named)
    {
        using var host = Build(new() { ["Telegram:Token"] = TelegramHarness.Token, [$"Telegram:{key}"] = value });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_mode_without_url_or_secret_stops_start_up()
    {
        using var host = Build(new() { ["Telegram:Token"] = TelegramHarness.Token, ["Telegram:Mode"] = "webhook" });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Telegram:WebhookUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Telegram:WebhookSecret", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TelegramHarness.Token, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Polling_mode_start_up_deletes_the_webhook_and_sets_the_menus()
    {
        await using var harness = await TelegramHarness.StartAsync();
        harness.StandIn.State.FailNext("deleteWebhook", 502, "Bad Gateway");

        var setup = ActivatorUtilities.CreateInstance<Hosting.TelegramSetupService>(harness.Services);
        await Assert.ThrowsAnyAsync<Exception>(() => setup.ConfigureAsync(CancellationToken.None));
        await setup.ConfigureAsync(CancellationToken.None);

        Assert.Equal(["deleteWebhook", "deleteWebhook", "setMyCommands", "setMyCommands", "setMyCommands", "setMyCommands"], harness.StandIn.State.Calls);
        Assert.NotNull(harness.StandIn.State.CommandsFor("en"));
        var group = Names(harness.StandIn.State.CommandsFor("", "all_group_chats"));
        Assert.Equal(["help", "link", "round"], group);
        Assert.Equal(group, Names(harness.StandIn.State.CommandsFor("en", "all_group_chats")));
        Assert.Contains("me", Names(harness.StandIn.State.CommandsFor("")));
        Assert.Contains("Evaluation results", harness.StandIn.State.CommandsFor("en")!.ToJsonString(), StringComparison.Ordinal);
    }

    private static List<string> Names(System.Text.Json.Nodes.JsonArray? menu)
    {
        Assert.NotNull(menu);
        return [.. menu.Select(c => c!["command"]!.GetValue<string>())];
    }
}
