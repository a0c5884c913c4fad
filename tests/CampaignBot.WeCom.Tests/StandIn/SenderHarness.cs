using CampaignBot.Core.Messaging;
using CampaignBot.Core.Storage;
using CampaignBot.WeCom.Api;
using CampaignBot.WeCom.Sending;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CampaignBot.WeCom.Tests.StandIn;

/// <summary>The real API client and sender, pointed at a fresh stand-in, with a fake clock.</summary>
public sealed class SenderHarness : IAsyncDisposable
{
    public const int AgentId = 1000002;

    private readonly HttpClient http = new();

    private SenderHarness(WeComStandIn standIn, WeComOptions options)
    {
        StandIn = standIn;
        Options = options;
        Api = new WeComApiClient(new SingleClientFactory(http), Microsoft.Extensions.Options.Options.Create(options), Time);
        Sender = new WeComSender(Api, Microsoft.Extensions.Options.Options.Create(options), NullLogger<WeComSender>.Instance);
    }

    public WeComStandIn StandIn { get; }

    public WeComOptions Options { get; }

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000));

    public WeComApiClient Api { get; }

    public WeComSender Sender { get; }

    public static async Task<SenderHarness> StartAsync(string secret = WeComStandIn.Secret)
    {
        var standIn = await WeComStandIn.StartAsync();
        var options = new WeComOptions
        {
            CorpId = WeComStandIn.CorpId,
            AgentId = AgentId,
            Secret = secret,
            Token = "token",
            EncodingAESKey = Crypto.OfficialSampleTests.EncodingAesKey,
            ApiBaseUrl = standIn.BaseUrl,
            GroupRobots = new Dictionary<string, string> { ["unit-1"] = WeComStandIn.RobotKey },
        };
        return new SenderHarness(standIn, options);
    }

    public Task<Core.Pipeline.SendResult> SendAsync(Outbound body, string chatId = "zhangsan", ChatKind kind = ChatKind.Private, string id = "out-1") =>
        Sender.SendAsync(OutboxMessage.Create(id, new ChatRef("wecom", chatId, kind), body, Time.GetUtcNow()), body, null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        http.Dispose();
        await StandIn.DisposeAsync();
    }

    private sealed class SingleClientFactory(HttpClient client) : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => client;
    }
}
