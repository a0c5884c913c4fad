using System.Text.RegularExpressions;
using CampaignBot.ConsoleChannel;
using Microsoft.Extensions.Hosting;

namespace CampaignBot.Tests.Dashboard;

/// <summary>The host in console mode with the dashboard on a free port, and the sign-in link it printed for the console user.</summary>
internal sealed partial class ConsoleDashboard : IAsyncDisposable
{
    private readonly IHost _host;

    private ConsoleDashboard(IHost host, Uri signInLink)
    {
        _host = host;
        SignInLink = signInLink;
    }

    public Uri SignInLink { get; }

    /// <summary>Starts the host with <paramref name="settings"/> (plus the dashboard's) and waits up to 30 s for the link.</summary>
    public static async Task<ConsoleDashboard> StartAsync(Dictionary<string, string?> settings)
    {
        var transcript = new StringWriter();
        settings["Dashboard:Enabled"] = "true";
        settings["urls"] = "http://127.0.0.1:0";
        var host = await CampaignBotApp.BuildAsync([], settings, builder =>
        {
            builder.Services.AddSingleton(new ConsoleInput(new StringReader(string.Empty), StopWhenInputEnds: false));
            builder.Services.AddSingleton(new ConsoleTranscript(transcript));
        });
        await host.StartAsync();
        var started = DateTime.UtcNow;
        while (!Link().IsMatch(transcript.ToString()) && DateTime.UtcNow - started < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(10);
        }

        var link = Link().Match(transcript.ToString());
        if (!link.Success)
        {
            await host.StopAsync();
            host.Dispose();
            throw new InvalidOperationException("The console printed no sign-in link in 30 s:\n" + transcript);
        }

        return new ConsoleDashboard(host, new Uri(link.Value));
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }

    [GeneratedRegex(@"http://\S+/signin\?token=\S+")]
    private static partial Regex Link();
}
