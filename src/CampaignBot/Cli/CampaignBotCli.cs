using CampaignBot.Configuration;
using CampaignBot.Core.Conversations;
using CampaignBot.Features.Progress;
using CampaignBot.Features.Registration;
using CampaignBot.Features.Study;
using CampaignBot.Hosting;

namespace CampaignBot.Cli;

/// <summary>The program's verbs: run (default), config check, invite create, export, flows export.</summary>
public static class CampaignBotCli
{
    public const string Usage = """
        用法 / usage:
          campaignbot [run] [--user <id>] [--name <姓名>] [--chat <群ID>] [--lang en] [--Section:Key=value …]
          campaignbot config check [campaign.yaml]
          campaignbot invite create --unit <单位ID> --role <角色> [--uses N] [--expires yyyy-MM-dd]
          campaignbot export <members|units|invites|sessions> [--format csv|json] [--out 文件]
          campaignbot export <study|research|visits> [--format csv|xlsx] [--out 文件]
          campaignbot export <examinations|pledges> [--format csv|xlsx] [--unit 单位ID] [--out 文件]
          campaignbot export evaluations [--format csv|xlsx] [--out 文件]
          campaignbot flows export [目录]
          campaignbot units import <units.xlsx|units.csv> [--dry-run]
          campaignbot members import <members.xlsx|members.csv> [--dry-run]
        """;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var cli = CliArguments.Parse(args);
        try
        {
            return (cli.Word(0), cli.Word(1)) switch
            {
                (null or "run", _) when !cli.Has("help") => await RunBotAsync(cli, cancellationToken),
                ("config", "check") => CampaignConfigCheck.Run(cli.Word(2), Console.Out),
                ("invite", "create") => await WithStoreAsync(cli, (campaign, stores) => InviteCommand.CreateAsync(cli, campaign, stores.Invites, TimeProvider.System, Console.Out, cancellationToken), cancellationToken),
                ("export", "study" or "research" or "visits") => await WithStoreAsync(cli, (campaign, stores) => StudyExportCommand.RunAsync(cli, campaign, stores, Console.Out, cancellationToken), cancellationToken),
                ("export", var kind) when CampaignExportCommand.Handles(kind) => await WithStoreAsync(cli, (campaign, stores) => CampaignExportCommand.RunAsync(cli, campaign, stores, Console.Out, cancellationToken), cancellationToken),
                ("export", "evaluations") => await WithStoreAsync(cli, (campaign, stores) => Features.Evaluations.EvaluationExportCommand.RunAsync(cli, campaign, stores, Console.Out, cancellationToken), cancellationToken),
                ("export", _) => await WithStoreAsync(cli, (campaign, stores) => ExportCommand.RunAsync(cli, campaign, stores, Console.Out, cancellationToken), cancellationToken),
                ("flows", "export") => await ExportFlowsAsync(cli, cancellationToken),
                ("units", "import") => await WithStoreAsync(cli, (campaign, stores) => Features.Organisation.UnitsImportCommand.RunAsync(cli, campaign, stores, TimeProvider.System, Console.Out, cancellationToken), cancellationToken),
                ("members", "import") => await WithStoreAsync(cli, (campaign, stores) => Features.Organisation.MembersImportCommand.RunAsync(cli, campaign, stores, TimeProvider.System, Console.Out, cancellationToken), cancellationToken),
                ("help", _) or (null, _) => PrintUsage(),
                _ => throw new CliException($"不认识的命令：{string.Join(' ', cli.Words)}\n{Usage}"),
            };
        }
        catch (CliException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (CampaignConfigException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (StartupProblem.Describe(ex) is { } problem)
        {
            await Console.Error.WriteLineAsync(problem);
            return 2;
        }
    }

    private static int PrintUsage()
    {
        Console.WriteLine(Usage);
        return 0;
    }

    private static async Task<int> RunBotAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        using var host = await CampaignBotApp.BuildAsync([.. cli.Settings], ConsoleSettings(cli), cancellationToken: cancellationToken);
        await host.RunAsync(cancellationToken);
        return 0;
    }

    private static Dictionary<string, string?> ConsoleSettings(CliArguments cli)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { "user", "name", "chat", "lang" })
        {
            if (cli.Option(name) is { } value)
            {
                settings[$"Console:{char.ToUpperInvariant(name[0])}{name[1..]}"] = value;
            }
        }

        if (cli.Has("console"))
        {
            settings["Console:Enabled"] = "true";
        }

        return settings;
    }

    private static async Task<int> WithStoreAsync(CliArguments cli, Func<Core.Campaign.CampaignDefinition, Core.Storage.StoreBundle, Task<int>> action, CancellationToken cancellationToken)
    {
        var configuration = CampaignBotApp.LoadConfiguration([.. cli.Settings]);
        var campaign = CampaignRegistration.LoadCampaign(configuration);
        var stores = await StoreRegistration.OpenStoreAsync(configuration, cancellationToken);
        await Core.Features.Organisation.UnitTree.RefreshAsync(campaign, stores.Units, cancellationToken);
        return await action(campaign, stores);
    }

    private static async Task<int> ExportFlowsAsync(CliArguments cli, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?> { ["Console:Enabled"] = "false", ["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), $"campaignbot-flows-{Guid.NewGuid():N}.db") };
        using var host = await CampaignBotApp.BuildAsync([.. cli.Settings], settings, cancellationToken: cancellationToken);
        var flows = host.Services.GetServices<IFlowDefinition>();
        return await FlowGraphs.ExportAsync(flows, cli.Word(2) ?? FlowGraphs.DefaultFolder, Console.Out, cancellationToken);
    }
}
