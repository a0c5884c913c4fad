using CampaignBot.Features.Registration;
using CampaignBot.Cli;
using CampaignBot.ConsoleChannel;
using CampaignBot.Core.Messaging;

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
            await InviteCommand.CreateAsync(CliArguments.Parse(args), campaign, (await _bot.StoresAsync()).Invites, TimeProvider.System, new StringWriter(), CancellationToken.None));

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
        var args = CliArguments.Parse([verb, kind, "--format", kind == "members" ? "pdf" : "csv"]);
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(_bot.Settings["Campaign:File"]!);

        var error = await Assert.ThrowsAsync<CliException>(async () =>
            await ExportCommand.RunAsync(args, campaign, await _bot.StoresAsync(), new StringWriter(), CancellationToken.None));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_units_as_json_carries_every_unit_with_its_start_date()
    {
        var output = new StringWriter();
        var campaign = global::CampaignBot.Configuration.CampaignLoader.Load(_bot.Settings["Campaign:File"]!);

        await ExportCommand.RunAsync(CliArguments.Parse(["export", "units", "--format", "json"]), campaign, await _bot.StoresAsync(), output, CancellationToken.None);

        using var json = System.Text.Json.JsonDocument.Parse(output.ToString());
        Assert.Equal(campaign.Units.Count, json.RootElement.GetArrayLength());
        Assert.Contains("东县", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_fields_are_quoted_and_formula_looking_text_is_defused()
    {
        var csv = TableExport.ToCsv(["a,b", "say \"hi\"", "=SUM(A1)", "-3"], [new ExportColumn<string>("v", "值", v => v)]);

        Assert.Equal("值\r\n\"a,b\"\r\n\"say \"\"hi\"\"\"\r\n'=SUM(A1)\r\n-3\r\n", csv);
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
}
