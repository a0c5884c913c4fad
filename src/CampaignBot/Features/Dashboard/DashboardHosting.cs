using CampaignBot.ConsoleChannel;
using CampaignBot.Core.Features.Dashboard;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace CampaignBot.Features.Dashboard;

/// <summary>Adds the dashboard's pages to the host's web app (the one that takes webhooks, or one of its own in console mode).</summary>
public static class DashboardHosting
{
    /// <summary>Kestrel's request line limit for the web host (its default is 8 KB).</summary>
    public const int MaxRequestLineBytes = 32 * 1024;

    public static IHostApplicationBuilder AddDashboardWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton<DashboardDownloads>();
        builder.Services.AddHostedService<DashboardStartup>();

        // The framework logs each request's URL at Information; a sign-in URL carries its token, so only warnings pass.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

        // A link with a long query (10,000 characters of junk) still reaches the pages and gets one, not Kestrel's empty 414.
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        DashboardEndpoints.Map(app);
        return app;
    }
}

/// <summary>
/// Once the web server listens: records where the dashboard is (Dashboard:PublicUrl, else the first address, with
/// a wildcard host read as localhost), and in console mode prints a sign-in link for the console user.
/// </summary>
internal sealed class DashboardStartup(
    IHostApplicationLifetime lifetime,
    IServer server,
    DashboardAddress address,
    IOptions<DashboardOptions> options,
    IServiceProvider services,
    ILogger<DashboardStartup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = AnnounceAsync(lifetime.ApplicationStopping));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task AnnounceAsync(CancellationToken cancellationToken)
    {
        try
        {
            address.BaseUrl = options.Value.PublicUrl is { Length: > 0 } url ? url : Listening();
            logger.LogInformation("Dashboard at {Address}", address.BaseUrl);
            if (services.GetService<ConsoleTranscript>() is { } transcript)
            {
                transcript.WriteLine(await ConsoleLinkAsync(services.GetRequiredService<IOptions<ConsoleOptions>>().Value, cancellationToken));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The dashboard could not announce its address");
        }
    }

    private string? Listening()
    {
        var first = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return $"{uri.Scheme}://{host}:{uri.Port}";
    }

    /// <summary>The console user gets a link as if they had sent /dashboard (registered office, supervisor or secretary only).</summary>
    private async Task<string> ConsoleLinkAsync(ConsoleOptions console, CancellationToken cancellationToken)
    {
        var member = await services.GetRequiredService<IMemberStore>().GetAsync(Member.IdFor(ConsoleSender.ChannelName, console.User), cancellationToken);
        return member switch
        {
            null => $"工作台：{address.BaseUrl} — 控制台用户 {console.User} 还没有注册；用活动办、督导组或书记的邀请码注册后发送 /dashboard。",
            _ when !DashboardAccess.MayUse(member) => $"工作台：{address.BaseUrl} — 控制台用户的角色不能使用工作台（需活动办、督导组或书记）。",
            _ => await LinkLineAsync(member, cancellationToken),
        };
    }

    private async Task<string> LinkLineAsync(Member member, CancellationToken cancellationToken)
    {
        var (link, _) = await services.GetRequiredService<DashboardSignIn>().IssueLinkAsync(member, cancellationToken);
        return link is null
            ? $"工作台：{address.BaseUrl} — 登录链接申请太频繁，请稍后发送 /dashboard。"
            : $"工作台登录链接（{options.Value.LinkLifetime.TotalMinutes:0} 分钟内有效，只能用一次）：{address.SignInUrl(link.Token)}";
    }
}
