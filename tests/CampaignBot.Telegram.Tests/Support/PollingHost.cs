using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.Support;

/// <summary>
/// The whole bot in polling mode against a Bot API stand-in, on a SQLite file of its own: the settings every end-to-end
/// test here starts from, starting the host on the test's clock, and cleaning up after it.
/// </summary>
internal static class PollingHost
{
    public static string ShippedCampaign => Path.Combine(RepoPaths.Root(), "config", "campaign.yaml");

    /// <summary>The stand-in's address, the database file, the campaign (the shipped one unless named), no console.</summary>
    public static Dictionary<string, string?> Settings(BotApiStandIn standIn, string databasePath, string? campaignFile = null) => new()
    {
        ["Storage:SqlitePath"] = databasePath,
        ["Campaign:File"] = campaignFile ?? ShippedCampaign,
        ["Console:Enabled"] = "false",
        ["Pipeline:PollInterval"] = "00:00:00.020",
        ["Telegram:Token"] = TelegramHarness.Token,
        ["Telegram:ApiBaseUrl"] = standIn.BaseUrl,
        ["Telegram:PollTimeoutSeconds"] = "1",
    };

    /// <summary>The same, with the bot's own pacing off: on a fake clock a pace would wait for time that never passes by itself.</summary>
    public static Dictionary<string, string?> UnpacedSettings(BotApiStandIn standIn, string databasePath, string? campaignFile = null)
    {
        var settings = Settings(standIn, databasePath, campaignFile);
        settings["Telegram:PrivateChatPerSecond"] = "0";
        settings["Telegram:GroupPerMinute"] = "0";
        return settings;
    }

    public static async Task<IHost> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeProvider time)
    {
        var host = await CampaignBotApp.BuildAsync([], settings, builder => builder.Services.AddSingleton(time));
        await host.StartAsync();
        return host;
    }

    /// <summary>Stops and disposes what was started (either may be missing if the start failed) and deletes the folder.</summary>
    public static async Task StopAsync(IHost? host, BotApiStandIn? standIn, string folder)
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (standIn is not null)
        {
            await standIn.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
