using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CampaignBot.WeCom.Tests.StandIn;

/// <summary>
/// A local stand-in of WeCom's server API on Kestrel (127.0.0.1, a free port): gettoken, message/send,
/// message/update_template_card, media/upload and the group robot webhook, with token expiry and error injection.
/// </summary>
public sealed partial class WeComStandIn : IAsyncDisposable
{
    public const string CorpId = "wwstandin0000001";
    public const string Secret = "stand-in-secret";
    public const string RobotKey = "robot-key-0001";

    private readonly WebApplication app;
    private readonly ConcurrentQueue<int> injectedErrors = new();
    private readonly ConcurrentDictionary<string, bool> validTokens = new();
    private readonly ConcurrentDictionary<string, bool> responseCodes = new();
    private readonly ConcurrentDictionary<string, bool> taskIds = new();
    private readonly ConcurrentDictionary<string, string> responseCodeByTask = new();
    private readonly ConcurrentDictionary<string, string> oauthCodes = new();
    private int counter;

    private WeComStandIn(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public int TokenExpiresIn { get; set; } = 7200;

    /// <summary>Members WeCom does not know: sends to them fail with 81013.</summary>
    public ConcurrentDictionary<string, bool> UnknownUsers { get; } = new();

    public ConcurrentQueue<JsonObject> Sent { get; } = new();

    public ConcurrentQueue<JsonObject> CardUpdates { get; } = new();

    public ConcurrentQueue<(string Type, string FileName, byte[] Content)> Uploads { get; } = new();

    public ConcurrentQueue<JsonObject> RobotMessages { get; } = new();

    /// <summary>Media members sent the app, by MediaId: what media/get answers (name and type as WeCom gives them).</summary>
    public ConcurrentDictionary<string, (string FileName, string ContentType, byte[] Content)> Media { get; } = new();

    public int TokensIssued => validTokens.Count;

    public IReadOnlyCollection<string> IssuedResponseCodes => [.. responseCodes.Keys];

    /// <summary>The response code WeCom handed out with the card of this task id (what a press of it carries).</summary>
    public string ResponseCodeFor(string taskId) => responseCodeByTask[taskId];

    public static async Task<WeComStandIn> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var standIn = new WeComStandIn(app);
        standIn.Map(app);
        await app.StartAsync();
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        standIn.BaseUrl = addresses.Addresses.Single();
        return standIn;
    }

    /// <summary>What WeCom's authorize page would hand back after a member (or, with <paramref name="outsider"/>, a non-member) opened the app: a one-use code.</summary>
    public string IssueOAuthCode(string userId, bool outsider = false)
    {
        var code = $"oauth-code-{Next()}";
        oauthCodes[code] = outsider ? "openid:" + userId : userId;
        return code;
    }

    /// <summary>The next API answer (any endpoint but gettoken) carries this errcode, e.g. 45009; 0 lets that answer through.</summary>
    public void InjectError(int errCode) => injectedErrors.Enqueue(errCode);

    /// <summary>Every issued token stops working, as after expires_in.</summary>
    public void ExpireAllTokens()
    {
        foreach (var token in validTokens.Keys)
        {
            validTokens[token] = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private int Next() => Interlocked.Increment(ref counter);

    private static IResult Error(int code, string message) => Results.Json(new { errcode = code, errmsg = message });

    /// <summary>Null when the token is fine; otherwise WeCom's answer (42001 expired, 40014 unknown).</summary>
    private IResult? CheckToken(HttpRequest request)
    {
        var token = request.Query["access_token"].ToString();
        if (!validTokens.TryGetValue(token, out var valid))
        {
            return Error(40014, "invalid access_token");
        }

        return valid ? null : Error(42001, "access_token expired");
    }

    private IResult? Injected() => injectedErrors.TryDequeue(out var code) && code != 0 ? Error(code, code == 45009 ? "api freq out of limit" : "injected") : null;
}
