using System.Collections.Concurrent;
using System.Globalization;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Pipeline;
using CampaignBot.WeCom.Callback;
using CampaignBot.WeCom.Crypto;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.WeCom.Tests.Callback;

/// <summary>An inbox stand-in: stores each update id once, and can hold an accept open to observe ordering.</summary>
public sealed class FakeInboundSink : IInboundSink
{
    public ConcurrentDictionary<string, Inbound> Stored { get; } = new();

    public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource? Gate { get; set; }

    public async Task<bool> AcceptAsync(Inbound update, CancellationToken cancellationToken)
    {
        Entered.TrySetResult();
        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(cancellationToken);
        }

        return Stored.TryAdd(update.UpdateId, update);
    }
}

/// <summary>The real callback endpoint on Kestrel (127.0.0.1, free port) with a fake inbox and a fake clock.</summary>
public sealed class CallbackHost : IAsyncDisposable
{
    public const string Token = "callback-token";
    public const string CorpId = "wwcallback000001";

    private readonly WebApplication app;

    private CallbackHost(WebApplication app, FakeInboundSink sink, FakeTimeProvider time, HttpClient client)
    {
        this.app = app;
        Sink = sink;
        Time = time;
        Client = client;
    }

    public FakeInboundSink Sink { get; }

    public FakeTimeProvider Time { get; }

    public HttpClient Client { get; }

    public WeComCallbackCrypto Crypto { get; } = new(Token, CampaignBot.WeCom.Tests.Crypto.OfficialSampleTests.EncodingAesKey, CorpId);

    public string Now => Time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public static async Task<CallbackHost> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WeCom:CorpId"] = CorpId,
            ["WeCom:AgentId"] = "1000002",
            ["WeCom:Secret"] = "unused",
            ["WeCom:Token"] = Token,
            ["WeCom:EncodingAESKey"] = CampaignBot.WeCom.Tests.Crypto.OfficialSampleTests.EncodingAesKey,
        });
        var time = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));
        var sink = new FakeInboundSink();
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.Services.AddSingleton<IInboundSink>(sink);
        builder.AddWeComChannel();
        var app = builder.Build();
        app.MapWeComCallback();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new CallbackHost(app, sink, time, new HttpClient { BaseAddress = new Uri(address) });
    }

    /// <summary>A pushed callback as WeCom sends it: the encrypted envelope and the signed query.</summary>
    public HttpRequestMessage Push(string innerXml, string? timestamp = null, Func<string, string>? tamperSignature = null, Func<string, string>? tamperCipher = null)
    {
        timestamp ??= Now;
        var encrypted = Crypto.Encrypt(innerXml);
        var signature = Crypto.Sign(timestamp, "nonce1", encrypted);
        signature = tamperSignature?.Invoke(signature) ?? signature;
        encrypted = tamperCipher?.Invoke(encrypted) ?? encrypted;
        var envelope = $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt><AgentID><![CDATA[1000002]]></AgentID></xml>";
        return new HttpRequestMessage(HttpMethod.Post, $"/wecom/callback?msg_signature={signature}&timestamp={timestamp}&nonce=nonce1")
        {
            Content = new StringContent(envelope, System.Text.Encoding.UTF8, "text/xml"),
        };
    }

    public static string TextXml(string from, string content, string msgId, long createTime = 1_700_000_000) =>
        $"<xml><ToUserName><![CDATA[{CorpId}]]></ToUserName><FromUserName><![CDATA[{from}]]></FromUserName><CreateTime>{createTime}</CreateTime>" +
        $"<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[{content}]]></Content><MsgId>{msgId}</MsgId><AgentID>1000002</AgentID></xml>";

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
