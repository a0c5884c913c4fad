using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// Every kind of person meets each command as /help offers it: what help shows works, a refusal says what to do
/// next, and one command gets one message.
/// </summary>
public sealed class HelpAndDeadEndsWalkTests : IDisposable
{
    private const string BallotSecret = "test-ballot-secret-0123456789";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Help_offers_the_dashboard_only_while_a_dashboard_runs()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");

        var withoutDashboard = await chat.SayAsync("40", "/help");
        chat.Services.GetRequiredService<DashboardAddress>().BaseUrl = "http://localhost:5000";
        var withDashboard = await chat.SayAsync("40", "/help dashboard");

        Assert.DoesNotContain("/dashboard", withoutDashboard, StringComparison.Ordinal);
        Assert.Contains("/dashboard — ", withDashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Someone_not_registered_asking_to_check_in_is_told_to_register_not_to_publish_pledges()
    {
        await using var chat = await StartAsync();
        chat.LanguageOf["98"] = "en";

        var chinese = await chat.SayAsync("99", "/checkin");
        var english = await chat.SayAsync("98", "/checkin");

        Assert.Equal("你还没有注册。发送 /start，并输入单位发给你的邀请码即可注册。", chinese);
        Assert.Equal("You are not registered yet. Send /start and enter the invite code your unit gave you.", english);
    }

    [Fact]
    public async Task A_member_or_a_stranger_asking_to_export_is_told_who_exports_instead_of_how()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "41", "党员", "village_dongguan");
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");

        var member = await chat.SayAsync("41", "/export");
        var stranger = await chat.SayAsync("99", "/export");
        var secretary = await chat.SayAsync("40", "/export");

        Assert.Equal("只有支部书记、督导组和活动办可以查看进度和导出。", member);
        Assert.Equal(member, stranger);
        Assert.StartsWith("用法：/export", secretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Vote_without_a_code_asks_for_the_code_instead_of_calling_it_wrong()
    {
        await using var chat = await StartAsync();
        chat.LanguageOf["98"] = "en";

        var chinese = await chat.SayAsync("99", "/vote");
        var english = await chat.SayAsync("98", "/vote");
        var wrong = await chat.SayAsync("99", "/vote ABCD1234");

        Assert.Equal("请在 /vote 后面写上评议口令，例如：/vote 口令。口令见群里的评议通知，或向本单位索取。", chinese);
        Assert.StartsWith("Write the round's code after /vote", english, StringComparison.Ordinal);
        Assert.Equal("口令不正确。请核对后重新发送：/vote 口令", wrong);
    }

    [Fact]
    public async Task Meeting_before_the_unit_opened_one_is_one_message_with_what_can_be_done()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        var before = chat.BodiesTo(CampaignChat.Private("40")).Count();

        var reply = await chat.SayAsync("40", "/meeting");

        Assert.Equal(before + 1, chat.BodiesTo(CampaignChat.Private("40")).Count());
        Assert.StartsWith("本单位还没有开启专题民主生活会的准备。", reply, StringComparison.Ordinal);
        Assert.Contains("/meeting open — 开启准备", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_for_the_office_is_one_message_with_the_list_and_the_verbs()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        var before = chat.BodiesTo(CampaignChat.Private("1")).Count();

        var reply = await chat.SayAsync("1", "/contact");

        Assert.Equal(before + 1, chat.BodiesTo(CampaignChat.Private("1")).Count());
        Assert.StartsWith("【全程联系】联系领导 0 名：", reply, StringComparison.Ordinal);
        Assert.Contains("/contact set <成员ID>", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mobile_member_reads_in_their_profile_the_unit_they_study_with()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "44", "流动党员", "village_dongguan");
        await chat.RegisterAsync(_bot, "45", "Mobile", "village_dongguan", language: "en");
        foreach (var id in new[] { "console:44", "console:45" })
        {
            var member = (await chat.Stores.Members.GetAsync(id, CancellationToken.None))!;
            await chat.Stores.Members.UpsertAsync(member with { HostUnitId = "county_east" }, CancellationToken.None);
        }

        var chinese = await chat.SayAsync("44", "/me");
        var english = await chat.SayAsync("45", "/me");

        Assert.Contains("单位：城关镇东关村（流动党员，在「东县」参加学习和活动）", chinese, StringComparison.Ordinal);
        Assert.Contains("Unit: 城关镇东关村 (mobile member: studying and taking part with 东县)", english, StringComparison.Ordinal);
    }

    private Task<CampaignChat> StartAsync() =>
        CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = BallotSecret });

    public void Dispose() => _bot.Dispose();
}
