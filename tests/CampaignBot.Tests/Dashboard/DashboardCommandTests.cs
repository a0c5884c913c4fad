using System.Text.RegularExpressions;
using CampaignBot.ConsoleChannel;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Tests.Shared;
using Microsoft.Extensions.Configuration;

namespace CampaignBot.Tests.Dashboard;

/// <summary>/dashboard in chat, and the console mode's --dashboard.</summary>
public sealed partial class DashboardCommandTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Dashboard_in_a_private_chat_gives_the_office_a_one_time_link()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.Stores.Members.UpsertAsync(Person("1", Roles.CampaignOffice), CancellationToken.None);
        bot.Services.GetRequiredService<DashboardAddress>().BaseUrl = "https://dash.example.org/";

        var reply = DirectBot.Texts(await bot.SayAsync("1", "/dashboard"));

        var token = Link().Match(reply).Groups[1].Value;
        Assert.Contains("10 分钟内有效", reply, StringComparison.Ordinal);
        Assert.True(DashboardSignIn.IsWellFormed(token), reply);
        Assert.True(await bot.Services.GetRequiredService<DashboardSignIn>().IsLinkUsableAsync(token, CancellationToken.None));
    }

    [Fact]
    public async Task Dashboard_is_refused_in_groups_to_members_to_strangers_and_while_no_dashboard_runs()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.Stores.Members.UpsertAsync(Person("1", Roles.Secretary), CancellationToken.None);
        await bot.Stores.Members.UpsertAsync(Person("2", Roles.Member), CancellationToken.None);

        Assert.Contains("没有开启", DirectBot.Texts(await bot.SayAsync("1", "/dashboard")), StringComparison.Ordinal);
        bot.Services.GetRequiredService<DashboardAddress>().BaseUrl = "http://localhost:5000";
        var group = new ChatRef("console", "-700", ChatKind.Group, "东县党员群");
        Assert.Contains("私聊", DirectBot.Texts(await bot.SendAsync("1", new CommandInput("dashboard", string.Empty), group)), StringComparison.Ordinal);
        Assert.Contains("只对活动办、督导组和支部书记开放", DirectBot.Texts(await bot.SayAsync("2", "/dashboard")), StringComparison.Ordinal);
        Assert.Contains("还没有注册", DirectBot.Texts(await bot.SayAsync("3", "/dashboard")), StringComparison.Ordinal);
        Assert.Contains("/signin?token=", DirectBot.Texts(await bot.SayAsync("1", "/dashboard")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboard_option_starts_a_web_host_and_webhooks_turn_it_on_by_default()
    {
        static ChannelSelection From(Dictionary<string, string?> values) => ChannelSelection.From(new ConfigurationBuilder().AddInMemoryCollection(values).Build());

        Assert.False(From([]).NeedsWebServer);
        Assert.True(From(new() { ["Dashboard:Enabled"] = "true" }) is { NeedsWebServer: true, Console: true, Dashboard: true });
        Assert.True(From(new() { ["WeCom:CorpId"] = "ww1" }).Dashboard);
        Assert.False(From(new() { ["WeCom:CorpId"] = "ww1", ["Dashboard:Enabled"] = "false" }).Dashboard);
    }

    [Fact]
    public async Task Console_mode_with_the_dashboard_prints_a_working_link_for_the_console_user()
    {
        var stores = await _bot.StoresAsync();
        await stores.Members.UpsertAsync(Person("10001", Roles.CampaignOffice), CancellationToken.None);
        await using var dashboard = await ConsoleDashboard.StartAsync(_bot.Settings);

        var url = dashboard.SignInLink.ToString();
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using var http = new HttpClient();
        Assert.Contains("登录工作台", await http.GetStringAsync(url), StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();

    private static Member Person(string user, string role) =>
        TestMembers.OnConsole(user, "王主任", "county_east", role, "county", DateTimeOffset.UtcNow);

    [GeneratedRegex(@"/signin\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex Link();
}
