using System.CommandLine.Help;
using System.CommandLine.Parsing;
using CampaignBot.Configuration;
using CampaignBot.Core.Conversations;
using CampaignBot.Features.Registration;
using CampaignBot.Hosting;

namespace CampaignBot.Cli;

/// <summary>
/// The program's verbs on System.CommandLine: run (default), config check, invite create, export &lt;kind&gt;,
/// flows export. Help and the parser's own messages are Chinese; a mistake on the command line exits with 2.
/// </summary>
public static class CampaignBotCli
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");
    private static readonly ParserConfiguration Parsing = new() { ResponseFileTokenReplacer = null };

    private static readonly Option<string> User = new("--user") { Description = "控制台用户的ID（默认 10001）", HelpName = "ID" };
    private static readonly Option<string> Name = new("--name") { Description = "控制台用户的姓名", HelpName = "姓名" };
    private static readonly Option<string> Chat = new("--chat") { Description = "在这个群里说话（群ID），默认是私聊", HelpName = "群ID" };
    private static readonly Option<string> Lang = new("--lang") { Description = "回复的语言：zh（默认）或 en", HelpName = "zh|en" };
    private static readonly Option<bool> ConsoleOn = new("--console") { Description = "即使配置了其他渠道，也打开控制台" };
    private static readonly Option<bool> DashboardOn = new("--dashboard") { Description = "同时打开网页工作台，并打印控制台用户的登录链接" };
    private static readonly Argument<string?> CampaignFile = new("campaign.yaml") { Description = "活动配置文件（默认按 Campaign:File 查找）", Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string?> FlowFolder = new("目录") { Description = $"写入的目录（默认 {FlowGraphs.DefaultFolder}）", Arity = ArgumentArity.ZeroOrOne };

    /// <summary>The verb tree, built once; actions read their output from the invocation.</summary>
    public static RootCommand Root { get; } = BuildRoot();

    public static Task<int> RunAsync(string[] args, CancellationToken cancellationToken = default) =>
        RunAsync(args, Console.Out, Console.Error, cancellationToken);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        // The parser's help titles and messages follow the UI culture; the change stays inside this call.
        CultureInfo.CurrentUICulture = Chinese;
        var parse = Parse(args);
        if (parse.Errors.Count > 0)
        {
            await error.WriteLineAsync(CliErrors.Describe(parse));
            return 2;
        }

        if (parse.Action is HelpAction)
        {
            return await HelpAsync(parse, output, error, cancellationToken);
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false }, cancellationToken);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (CampaignConfigException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (Exception ex) when (StartupProblem.Describe(ex) is { } problem)
        {
            await error.WriteLineAsync(problem);
            return 2;
        }
    }

    /// <summary>Parses a command line, settings included, without running it; "help [verb …]" is "[verb …] --help".</summary>
    public static ParseResult Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        IReadOnlyList<string> words = args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : args;
        return Root.Parse(CommandLineSettings.Rewrite(words), Parsing);
    }

    /// <summary>Opens the campaign and the store the settings of the command line name, for a verb that runs without a host.</summary>
    public static Task<int> WithStoreAsync(ParseResult parse, Func<Core.Campaign.CampaignDefinition, Core.Storage.StoreBundle, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        return WithStoreAsync(parse, (campaign, stores, _) => action(campaign, stores), cancellationToken);
    }

    /// <summary>The same, for a verb that also reads its settings (the bulletin's, as the running bot has them).</summary>
    public static async Task<int> WithStoreAsync(ParseResult parse, Func<Core.Campaign.CampaignDefinition, Core.Storage.StoreBundle, IConfiguration, Task<int>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        var configuration = CampaignBotApp.LoadConfiguration(CommandLineSettings.Of(parse));
        var campaign = CampaignRegistration.LoadCampaign(configuration);
        var stores = await StoreRegistration.OpenStoreAsync(configuration, cancellationToken);
        await Core.Features.Organisation.UnitTree.RefreshAsync(campaign, stores.Units, cancellationToken);
        return await action(campaign, stores, configuration);
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("CampaignBot：党的群众路线教育实践活动的聊天机器人。不带命令时运行机器人（同 run）。\n配置项可写在任何位置：--Section:Key=value 或 --Section:Key value，例如 --Telegram:Mode webhook。");
        root.Options.Add(CommandLineSettings.Option);
        AddRunOptions(root);
        root.SetAction(RunBotAsync);

        var run = new Command("run", "运行机器人：控制台、Telegram、企业微信（按配置）");
        AddRunOptions(run);
        run.SetAction(RunBotAsync);

        var config = new Command("config", "活动配置");
        var check = new Command("check", "检查活动配置文件，列出每一处错误") { CampaignFile };
        check.SetAction(parse => CampaignConfigCheck.Run(parse.GetValue(CampaignFile), parse.InvocationConfiguration.Output));
        config.Subcommands.Add(check);

        var flows = new Command("flows", "对话流程");
        var exportFlows = new Command("export", "把每个流程的状态图写成 .dot 文件") { FlowFolder };
        exportFlows.SetAction(ExportFlowsAsync);
        flows.Subcommands.Add(exportFlows);

        root.Subcommands.Add(run);
        root.Subcommands.Add(config);
        root.Subcommands.Add(InviteCommand.Command);
        root.Subcommands.Add(Features.Members.MembersCliCommand.Command);
        Features.Members.MembersCliCommand.Command.Subcommands.Add(Features.Organisation.MembersImportCommand.Import);
        root.Subcommands.Add(ExportCommand.Build());
        root.Subcommands.Add(Features.Bulletins.BulletinCliCommand.Build());
        root.Subcommands.Add(flows);
        root.Subcommands.Add(Features.Organisation.UnitsImportCommand.Command);
        ChineseHelp(root);
        return root;
    }

    /// <summary>The parser's help and version options in Chinese (its translation leaves their descriptions English).</summary>
    private static void ChineseHelp(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            option.Description = option switch
            {
                HelpOption => "显示帮助和用法",
                VersionOption => "显示版本",
                _ => option.Description,
            };
        }
    }

    /// <summary>Help goes through a buffer so that the one title the parser's translation lacks is Chinese too.</summary>
    private static async Task<int> HelpAsync(ParseResult parse, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var buffer = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await parse.InvokeAsync(new InvocationConfiguration { Output = buffer, Error = error }, cancellationToken);
        await output.WriteAsync(buffer.ToString()
            .Replace("Description:", "说明:", StringComparison.Ordinal)
            .Replace("[command]", "[命令]", StringComparison.Ordinal)
            .Replace("[options]", "[选项]", StringComparison.Ordinal));
        return exit;
    }

    private static void AddRunOptions(Command command)
    {
        command.Options.Add(User);
        command.Options.Add(Name);
        command.Options.Add(Chat);
        command.Options.Add(Lang);
        command.Options.Add(ConsoleOn);
        command.Options.Add(DashboardOn);
    }

    private static async Task<int> RunBotAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var host = await CampaignBotApp.BuildAsync(CommandLineSettings.Of(parse), ConsoleSettings(parse), cancellationToken: cancellationToken);
        // Settings are checked before the host starts: a wrong one is then one sentence, not the host's start-up failure log.
        host.Services.GetService<IStartupValidator>()?.Validate();
        await host.RunAsync(cancellationToken);
        return 0;
    }

    /// <summary>--user, --name, --chat, --lang and --console are the Console section's settings; --dashboard turns the dashboard on.</summary>
    public static Dictionary<string, string?> ConsoleSettings(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (option, key) in new[] { (User, "User"), (Name, "Name"), (Chat, "Chat"), (Lang, "Lang") })
        {
            if (parse.GetValue(option) is { } value)
            {
                settings[$"Console:{key}"] = value;
            }
        }

        if (parse.GetValue(ConsoleOn))
        {
            settings["Console:Enabled"] = "true";
        }

        if (parse.GetValue(DashboardOn))
        {
            settings["Dashboard:Enabled"] = "true";
        }

        return settings;
    }

    private static async Task<int> ExportFlowsAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var settings = new Dictionary<string, string?> { ["Console:Enabled"] = "false", ["Storage:SqlitePath"] = Path.Combine(Path.GetTempPath(), $"campaignbot-flows-{Guid.NewGuid():N}.db") };
        using var host = await CampaignBotApp.BuildAsync(CommandLineSettings.Of(parse), settings, cancellationToken: cancellationToken);
        var flows = host.Services.GetServices<IFlowDefinition>();
        return await FlowGraphs.ExportAsync(flows, parse.GetValue(FlowFolder) ?? FlowGraphs.DefaultFolder, parse.InvocationConfiguration.Output, cancellationToken);
    }
}

/// <summary>A mistake on the command line: printed as it is, exit code 2.</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
