using CampaignBot.Tests.Configuration;

namespace CampaignBot.Tests.Hosting;

public sealed class ConsoleRegistrationTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_member_registers_in_the_console_and_after_a_restart_me_shows_the_saved_profile()
    {
        var code = await _bot.CreateInviteAsync();

        var first = await _bot.ChatAsync("42", "/start", code, "张三", "2", "1");
        var second = await _bot.ChatAsync("42", "/me");

        Assert.Contains("[1] 县处级以上领导干部", first, StringComparison.Ordinal);
        Assert.Contains("注册成功", first, StringComparison.Ordinal);
        Assert.Contains("姓名：张三", second, StringComparison.Ordinal);
        Assert.Contains("单位：东县", second, StringComparison.Ordinal);
        Assert.Contains("职级：乡科级干部", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_lines_tell_a_newcomer_how_to_get_an_invite_code()
    {
        var output = await _bot.ChatAsync("42", "你好");

        var lines = output.Split('\n');
        Assert.Contains(lines.Take(6), line => line.Contains("invite create", StringComparison.Ordinal));
        Assert.Contains("发送 /start", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flow_interrupted_by_a_restart_resumes_at_the_same_step()
    {
        var code = await _bot.CreateInviteAsync();

        await _bot.ChatAsync("42", "/start", code);
        var resumed = await _bot.ChatAsync("42", "李四", "3", "1", "/me");

        Assert.Contains("第 3 步", resumed, StringComparison.Ordinal);
        Assert.Contains("姓名：李四", resumed, StringComparison.Ordinal);
        Assert.Contains("职级：普通党员", resumed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_members_as_csv_lists_the_registered_member()
    {
        var code = await _bot.CreateInviteAsync();
        await _bot.ChatAsync("42", "/start", code, "王五", "3", "1");
        var output = new StringWriter();

        var exit = await ExportCommand.RunAsync(CampaignBotCli.Parse(["export", "members", "--format", "csv"]), CampaignFiles.LoadShipped(), await _bot.StoresAsync(), output, CancellationToken.None);

        var lines = output.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, exit);
        Assert.Equal("成员ID,姓名,单位ID,单位,职级,角色,渠道,注册时间", lines[0]);
        Assert.Single(lines.Skip(1));
        Assert.StartsWith("console:42,王五,county_east,东县,普通党员,党员,console,", lines[1], StringComparison.Ordinal);
        Assert.Matches(@",\d{4}-\d{2}-\d{2} \d{2}:\d{2}$", lines[1]);
    }

    [Fact]
    public async Task An_invite_used_up_by_one_member_is_refused_to_the_next()
    {
        var code = await _bot.CreateInviteAsync();
        await _bot.ChatAsync("42", "/start", code, "张三", "3", "1");

        var second = await _bot.ChatAsync("43", "/start", code);

        Assert.Contains("名额已用完", second, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
