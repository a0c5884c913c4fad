using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CampaignBot.Telegram.Tests.StandIn;

/// <summary>
/// A local Bot API server on 127.0.0.1 (Kestrel, port 0) speaking the methods CampaignBot uses,
/// so tests run the real Telegram.Bot client. Tests drive it through <see cref="State"/>.
/// </summary>
public sealed class BotApiStandIn : IAsyncDisposable
{
    public const string BotUsername = "campaign_test_bot";
    public const long BotId = 7000001;

    private readonly WebApplication _app;

    private BotApiStandIn(WebApplication app, string token, StandInState state)
    {
        _app = app;
        Token = token;
        State = state;
        BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public string Token { get; }

    /// <summary>Like http://127.0.0.1:41234; what Telegram:ApiBaseUrl points at.</summary>
    public string BaseUrl { get; }

    public StandInState State { get; }

    public static async Task<BotApiStandIn> StartAsync(string token, StandInRules? rules = null, TimeProvider? time = null, int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, port));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var state = new StandInState(rules ?? StandInRules.Telegram, time ?? TimeProvider.System);
        var methods = new StandInMethods(state, app.Lifetime.ApplicationStopping);
        app.MapGet("/file/bot{presented}/{**path}", async (HttpContext context, string presented, string path) =>
        {
            state.Record("download");
            if (presented != token)
            {
                await WriteAsync(context, StandInMethods.Error(401, "Unauthorized"));
                return;
            }

            if (state.TakeFault("download") is var (code, description))
            {
                await WriteAsync(context, StandInMethods.Error(code, description));
                return;
            }

            if (state.FileAt(path) is not { } content)
            {
                await WriteAsync(context, StandInMethods.Error(404, "Not Found"));
                return;
            }

            context.Response.ContentType = "application/octet-stream";
            context.Response.ContentLength = content.Length;
            await context.Response.Body.WriteAsync(content, context.RequestAborted);
        });
        app.Map("/bot{presented}/{method}", async (HttpContext context, string presented, string method) =>
        {
            var answer = presented == token
                ? await methods.HandleAsync(method, context)
                : StandInMethods.Error(401, "Unauthorized");
            await WriteAsync(context, answer);
        });
        await app.StartAsync();
        return new BotApiStandIn(app, token, state);
    }

    /// <summary>Posts a queued update to the webhook set with setWebhook, as Telegram does; returns the HTTP status.</summary>
    public async Task<int> DeliverToWebhookAsync(int updateId, CancellationToken cancellationToken = default)
    {
        var webhook = State.Webhook ?? throw new InvalidOperationException("Stand-in: no webhook is set.");
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url)
        {
            Content = new StringContent(State.UpdateJson(updateId), System.Text.Encoding.UTF8, "application/json"),
        };
        if (webhook.SecretToken is { } secret)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpContext context, StandInAnswer answer)
    {
        if (answer.Hung || context.RequestAborted.IsCancellationRequested)
        {
            return;
        }

        context.Response.StatusCode = answer.Status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.Body.ToJsonString(), context.RequestAborted);
    }
}

/// <summary>An HTTP status and Bot API JSON body, or "never answered".</summary>
internal sealed record StandInAnswer(int Status, JsonObject Body, bool Hung = false);
