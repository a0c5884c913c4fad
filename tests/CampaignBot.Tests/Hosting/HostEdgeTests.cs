using CampaignBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace CampaignBot.Tests.Hosting;

/// <summary>The host's edges as an operator meets them: verbs with missing parts, the settings file, a bad setting.</summary>
public sealed class HostEdgeTests : IDisposable
{
    private readonly BotUnderTest _bot = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-edge-tests", Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(new[] { "bulletin" }, "缺少 --month")]
    [InlineData(new[] { "invite", "revoke" }, "缺少 <邀请码>")]
    [InlineData(new[] { "members", "set" }, "缺少 <成员ID>")]
    [InlineData(new[] { "members", "deactivate" }, "缺少 <成员ID>")]
    [InlineData(new[] { "units", "import" }, "缺少 <文件>")]
    public async Task A_verb_missing_a_required_part_names_the_part_in_chinese(string[] args, string expected)
    {
        var (exit, output, error) = await RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Empty(output);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("required", error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("--help", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_settings_file_shipped_in_config_is_read()
    {
        var configuration = CampaignBotApp.LoadConfiguration([]);

        Assert.Equal("12", configuration["Pipeline:MaxSendAttempts"]);
        Assert.Equal("0 9 * * MON", configuration["Contacts:WeeklyCron"]);
    }

    [Fact]
    public void A_setting_in_the_settings_file_reaches_the_configuration_and_the_command_line_overrides_it()
    {
        var file = Write("appsettings.json", """{ "Storage": { "SqlitePath": "from-file.db" }, "Pipeline": { "Lease": "00:02:00" } }""");

        var configuration = new ConfigurationBuilder().Add(CampaignBotApp.SettingsFile(file)).AddCommandLine(["--Pipeline:Lease=00:03:00"]).Build();

        Assert.Equal("from-file.db", configuration["Storage:SqlitePath"]);
        Assert.Equal("00:03:00", configuration["Pipeline:Lease"]);
    }

    [Fact]
    public void A_settings_file_that_is_not_json_is_refused_naming_the_file_and_line()
    {
        var file = Write("appsettings.json", "{\n  \"Storage\": {\n    \"SqlitePath\": \"x.db\",,\n  }\n}\n");

        var error = Assert.ThrowsAny<Exception>(() => new ConfigurationBuilder().Add(CampaignBotApp.SettingsFile(file)).Build());
        var problem = StartupProblem.Describe(error);

        Assert.NotNull(problem);
        Assert.Contains(file, problem, StringComparison.Ordinal);
        Assert.Contains("第 3 行", problem, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pipeline:Parallelism", "many", "整数")]
    [InlineData("Pipeline:Lease", "soon", "时长")]
    public async Task Running_with_a_setting_of_the_wrong_type_exits_with_2_naming_the_setting(string key, string value, string kind)
    {
        var (exit, _, error) = await RunAsync("--Console:Enabled", "false", $"--{key}", value);

        Assert.Equal(2, exit);
        Assert.Contains(key, error, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", error, StringComparison.Ordinal);
        Assert.Contains(kind, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        Directory.CreateDirectory(_folder);
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => _bot.RunCliAsync(args);

    public void Dispose()
    {
        _bot.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
