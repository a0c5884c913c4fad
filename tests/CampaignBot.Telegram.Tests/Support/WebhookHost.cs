using CampaignBot.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Telegram.Tests.Support;

/// <summary>A web host in webhook mode on 127.0.0.1 with the Telegram channel and a recording inbox.</summary>
public sealed class WebhookHost : IAsyncDisposable
{
    public const string Secret = "s3cret-Webhook_token";

    private WebhookHost(WebApplication app, BotApiStandIn standIn, RecordingSink sink)
    {
        App = app;
        StandIn = standIn;
        Sink = sink;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public BotApiStandIn StandIn { get; }

    public RecordingSink Sink { get; }

    public HttpClient Client { get; }

    public static async Task<WebhookHost> StartAsync()
    {
        var standIn = await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Telegram:Token"] = TelegramHarness.Token,
            ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
            ["Telegram:Mode"] = "webhook",
            ["Telegram:WebhookUrl"] = "https://bot.example.org/telegram/webhook",
            ["Telegram:WebhookSecret"] = Secret,
            ["Telegram:MaxConnections"] = "8",
        });
        var sink = new RecordingSink();
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.AddTelegramChannel();
        var app = builder.Build();
        app.MapTelegramWebhook();
        await app.StartAsync();
        return new WebhookHost(app, standIn, sink);
    }

    public async Task<HttpResponseMessage> PostAsync(string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await StandIn.DisposeAsync();
    }
}
