using CampaignBot.Features.Registration;
using CampaignBot.ConsoleChannel;

namespace CampaignBot.Tests.Hosting;

public sealed class CliTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Theory]
    [InlineData("--unit", "nowhere", "不在活动配置中")]
    [InlineData("--role", "emperor", "角色 'emperor' 不存在")]
    [InlineData("--uses", "0", "--uses 应为 1 到")]
    [InlineData("--uses", "many", "--uses 应为 1 到")]
    [InlineData("--expires", "tomorrow", "--expires 应为日期")]
    [InlineData("--expires", "2001-01-01", "已经过去了")]
    public async Task Invite_create_refuses_bad_arguments_with_a_clear_sentence(string option, string value, string expected)
    {
        var args = new List<string> { "invite", "create", "--unit", "county_east", "--role", "member" };
        var at = args.IndexOf(option);
        if (at >= 0)
        {
            args[at + 1] = value;
        }
        else
        {
            args.AddRange([option, value]);
        }

        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(_bot.Settings["Campaign:File"]!);
        var error = await Assert.ThrowsAsync<CliException>(async () =>
            await InviteCommand.CreateAsync(CampaignBotCli.Parse(args), campaign, (await _bot.StoresAsync()).Invites, TimeProvider.System, new StringWriter(), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invite_code_is_eight_readable_characters_and_stored_with_its_uses()
    {
        var code = await _bot.CreateInviteAsync(uses: "25");

        var invite = await (await _bot.StoresAsync()).Invites.GetAsync(code, CancellationToken.None);
        Assert.Matches("^[A-HJKMNP-Z2-9]{8}$", code);
        Assert.Equal(25, invite!.MaxUses);
        Assert.Equal("county_east", invite.UnitId);
    }

    [Theory]
    [InlineData("export", "things", "不能导出 'things'")]
    [InlineData("export", "members", "--format 只能是")]
    public async Task Export_refuses_an_unknown_kind_or_format(string verb, string kind, string expected)
    {
        var (exit, _, error) = await RunAsync(verb, kind, "--format", kind == "members" ? "pdf" : "csv");

        Assert.Equal(2, exit);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_export_kind_is_told_every_kind_there_is()
    {
        var (exit, _, error) = await RunAsync("export", "things");

        Assert.Equal(2, exit);
        foreach (var kind in new[] { "members", "units", "invites", "sessions", "study", "research", "visits", "examinations", "pledges", "evaluations" })
        {
            Assert.Contains(kind, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Export_units_as_json_carries_every_unit_with_its_start_date()
    {
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(_bot.Settings["Campaign:File"]!);

        var (exit, output, _) = await RunAsync("export", "units", "--format", "json");

        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(0, exit);
        Assert.Equal(campaign.Units.Count, json.RootElement.GetArrayLength());
        Assert.Contains("东县", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formula_looking_text_is_defused()
    {
        var csv = global::CampaignBot.Exports.TableWriter.Csv(new("值", ["值"], [["a,b"], ["say \"hi\""], ["=SUM(A1)"], ["-3"]]));

        Assert.Equal("值\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n'=SUM(A1)\r\n-3\r\n", csv);
    }

    [Fact]
    public async Task Help_lists_every_verb_in_chinese()
    {
        var (exit, output, _) = await RunAsync("--help");

        Assert.Equal(0, exit);
        Assert.Contains("用法", output, StringComparison.Ordinal);
        Assert.Contains("说明", output, StringComparison.Ordinal);
        Assert.Contains("显示帮助和用法", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Description:", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Show help", output, StringComparison.Ordinal);
        foreach (var (verb, words) in new[] { ("run", "运行机器人"), ("config", "活动配置"), ("invite", "邀请码"), ("export", "导出表格"), ("flows", "对话流程") })
        {
            Assert.Matches($@"\n  {verb} +{words}", output);
        }
    }

    [Theory]
    [InlineData("export", "--help")]
    [InlineData("help", "export")]
    public async Task Export_help_lists_every_kind_in_chinese(string first, string second)
    {
        var (exit, output, _) = await RunAsync(first, second);

        Assert.Equal(0, exit);
        Assert.Contains(" export [命令] [选项]", output, StringComparison.Ordinal);
        foreach (var (kind, words) in new[] { ("members", "成员"), ("units", "单位"), ("invites", "邀请码"), ("sessions", "进行中的对话"), ("study", "学习记录"), ("research", "调研记录"), ("visits", "走访记录"), ("examinations", "对照检查"), ("pledges", "公开承诺"), ("evaluations", "群众评议结果") })
        {
            Assert.Matches($@"\n  {kind} +{words}", output);
        }
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("invite", "create", "--unit")]
    [InlineData("config", "check", "a.yaml", "b.yaml")]
    public async Task A_command_line_mistake_exits_with_2_and_a_chinese_sentence(params string[] args)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", error);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--Telegram:Mode", "webhook")]
    [InlineData("--Telegram:Mode=webhook")]
    public void A_setting_with_its_value_apart_or_after_an_equals_sign_reaches_the_configuration(params string[] args)
    {
        var parse = CampaignBotCli.Parse(args);

        var configuration = global::CampaignBot.Hosting.CampaignBotApp.LoadConfiguration(CommandLineSettings.Of(parse));

        Assert.Empty(parse.Errors);
        Assert.Same(CampaignBotCli.Root, parse.CommandResult.Command);
        Assert.Equal("webhook", configuration["Telegram:Mode"]);
    }

    [Fact]
    public void Settings_may_stand_among_a_verbs_options()
    {
        var parse = CampaignBotCli.Parse(["export", "--Storage:SqlitePath", "/tmp/x.db", "members", "--format", "json", "--Console:Lang", "en"]);

        Assert.Empty(parse.Errors);
        Assert.Equal("members", parse.CommandResult.Command.Name);
        Assert.Equal(["--Storage:SqlitePath=/tmp/x.db", "--Console:Lang=en"], CommandLineSettings.Of(parse));
        Assert.Equal("json", parse.GetValue<string>("--format"));
    }

    [Fact]
    public async Task A_verb_reads_its_store_from_a_setting_on_the_command_line()
    {
        var code = await _bot.CreateInviteAsync();

        var output = new StringWriter();

        var exit = await CampaignBotCli.RunAsync(["export", "invites", "--Storage:SqlitePath", _bot.DatabasePath, "--Campaign:File", _bot.Settings["Campaign:File"]!], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, exit);
        Assert.Contains(code, output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_options_become_the_console_settings()
    {
        var parse = CampaignBotCli.Parse(["run", "--user", "42", "--name", "王五", "--lang", "en", "--console"]);

        var settings = CampaignBotCli.ConsoleSettings(parse);

        Assert.Empty(parse.Errors);
        Assert.Equal(("42", "王五", "en", "true"), (settings["Console:User"], settings["Console:Name"], settings["Console:Lang"], settings["Console:Enabled"]));
    }

    [Theory]
    [InlineData("/start", "start", "")]
    [InlineData("/Start@CampaignBot", "start", "")]
    [InlineData("/results unit_1 now", "results", "unit_1 now")]
    public void Typed_commands_are_parsed_with_bot_suffix_and_arguments(string text, string name, string arguments) =>
        Assert.Equal(new CommandInput(name, arguments), ConsoleLine.ParseCommand(text));

    [Theory]
    [InlineData("/")]
    [InlineData("/ start")]
    [InlineData("/1")]
    [InlineData("hello /start")]
    public void Text_that_only_looks_like_a_command_is_text(string text) => Assert.Null(ConsoleLine.ParseCommand(text));

    public void Dispose() => _bot.Dispose();

    /// <summary>Runs the program's command line on this test's campaign file and database; returns the exit code and what it printed.</summary>
    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => _bot.RunCliAsync(args);
}
