using CampaignBot.Configuration;
using CampaignBot.ConsoleChannel;
using CampaignBot.Core;
using CampaignBot.Features.Dashboard;
using CampaignBot.Features.Organisation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Logging.Console;

namespace CampaignBot.Hosting;

/// <summary>
/// Builds the bot's host: configuration (config/appsettings.json, environment, command line), the campaign,
/// the store, the message path and the channels. A web host only when a channel takes webhooks.
/// </summary>
public static class CampaignBotApp
{
    /// <summary>The host setting that makes the default JSON sources watch their files.</summary>
    private const string ReloadOnChangeKey = "hostBuilder:reloadConfigOnChange";

    /// <summary>The same setting as the web host reads it (it has no settings object for it).</summary>
    private const string ReloadOnChangeVariable = "ASPNETCORE_hostBuilder__reloadConfigOnChange";

    public static async Task<IHost> BuildAsync(
        string[] args,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IHostApplicationBuilder>? configure = null,
        CancellationToken cancellationToken = default)
    {
        // The hosts' default appsettings.json source would watch the whole content root for changes, and the
        // database (data/) lives in it: every SQLite write would wake the watcher. The configuration is read once.
        Environment.SetEnvironmentVariable(ReloadOnChangeVariable, "false");
        var probe = Configure(new ConfigurationManager(), args, settings);
        var channels = ChannelSelection.From(probe);
        if (channels.NeedsWebServer)
        {
            var web = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = Directory.GetCurrentDirectory() });
            Configure(web.Configuration, args, settings);
            if (channels.Dashboard)
            {
                web.AddDashboardWeb();
            }

            await AddEverythingAsync(web, channels, configure, cancellationToken);
            var app = web.Build();
            app.MapGet("/healthz", () => Results.Text("ok"));
            ChannelEndpoints.Map(app, channels);
            if (channels.Dashboard)
            {
                app.MapDashboard();
            }

            return app;
        }

        var hostSettings = new ConfigurationManager();
        hostSettings.AddInMemoryCollection(new Dictionary<string, string?> { [ReloadOnChangeKey] = "false" });
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = Directory.GetCurrentDirectory(),
            Configuration = hostSettings,
        });
        Configure(builder.Configuration, args, settings);
        await AddEverythingAsync(builder, channels, configure, cancellationToken);
        return builder.Build();
    }

    private static async Task AddEverythingAsync(IHostApplicationBuilder builder, ChannelSelection channels, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken)
    {
        if (channels.Console)
        {
            // The chat transcript owns standard output; logs go to standard error, warnings and worse only.
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.AddFilter<ConsoleLoggerProvider>(level => level >= LogLevel.Warning);
        }

        builder.AddCampaignDefinition();
        await builder.AddCampaignStoreAsync(cancellationToken);
        await builder.AddStoredUnitsAsync(cancellationToken);
        builder.AddCampaignCore();
        builder.Services.AddSingleton<Core.Features.Progress.ITableWriter>(Exports.TableWriter.Instance);
        builder.Services.AddSingleton<Core.Features.Evaluations.IEvaluationReportRenderer, Features.Evaluations.EvaluationReportRenderer>();
        builder.Services.AddSingleton<Core.Features.Bulletins.IBulletinChart, Features.Bulletins.BulletinChart>();
        // Console references are paths on this machine; only the console channel (and tests in its name) makes them.
        builder.Services.AddSingleton<IChannelFiles, ConsoleChannel.ConsoleFiles>();
        builder.Services.AddSingleton<Core.Features.Ledger.IEvidenceFiles>(new Features.Ledger.LocalEvidenceFiles(Features.Ledger.LocalEvidenceFiles.FolderFrom(builder.Configuration)));
        ChannelEndpoints.Add(builder, channels);
        configure?.Invoke(builder);
    }

    /// <summary>The configuration the host would see, for command-line verbs that run without a host.</summary>
    public static IConfiguration LoadConfiguration(string[] args, IReadOnlyDictionary<string, string?>? settings = null) =>
        Configure(new ConfigurationManager(), args, settings);

    /// <summary>
    /// The settings file as a configuration source. Its path is absolute, so it gets a file provider for its own folder:
    /// without one the builder's provider (rooted at the program's folder) would look it up under that folder and never
    /// find it, and the file would be skipped as missing.
    /// </summary>
    public static JsonConfigurationSource SettingsFile(string path)
    {
        var source = new JsonConfigurationSource { Path = Path.GetFullPath(path), Optional = true, ReloadOnChange = false };
        source.ResolveFileProvider();
        return source;
    }

    /// <summary>config/appsettings.json first, so the environment and the command line override it.</summary>
    private static ConfigurationManager Configure(ConfigurationManager configuration, string[] args, IReadOnlyDictionary<string, string?>? settings)
    {
        var file = Path.GetFullPath(Path.Combine("config", "appsettings.json"));
        if (!File.Exists(file))
        {
            file = Path.Combine(AppContext.BaseDirectory, "config", "appsettings.json");
        }

        configuration.Sources.Insert(0, SettingsFile(file));
        // A host builder has the environment and command line already; a bare ConfigurationManager (the probe,
        // the CLI verbs) starts with one empty in-memory source, so counting sources cannot tell them apart.
        if (!configuration.Sources.OfType<Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource>().Any())
        {
            configuration.AddEnvironmentVariables();
            configuration.AddCommandLine(args);
        }

        if (settings is not null)
        {
            configuration.AddInMemoryCollection(settings);
        }

        return configuration;
    }
}
