using CampaignBot.Features.Bulletins;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Contacts;

/// <summary>Contact points in the real host on a fake clock: /help by person, visits in /progress and in the monthly bulletin (chat and command line).</summary>
public sealed class ContactHostTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    private static async Task<CampaignChat> WithCountyLeaderAsync(BotUnderTest bot)
    {
        var chat = await CampaignChat.StartAsync(bot);
        await chat.RegisterAsync(bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(bot, "30", "孙县长", "county_east", rank: 1);
        await chat.RegisterAsync(bot, "31", "周干部", "county_east", rank: 1);
        await chat.RegisterAsync(bot, "40", "村书记", "village_dongguan", "secretary");
        Assert.Contains("已设置", await chat.SayAsync("1", "/contact set console:30 county village_dongguan"), StringComparison.Ordinal);
        return chat;
    }

    [Fact]
    public async Task Help_lists_contact_and_review_for_a_contact_leader_and_not_for_a_member_of_the_same_rank()
    {
        await using var chat = await WithCountyLeaderAsync(_bot);

        var leader = await chat.SayAsync("30", "/help");
        var member = await chat.SayAsync("31", "/help");
        var office = await chat.SayAsync("1", "/help contact");

        Assert.Contains("/contact — 全程联系", leader, StringComparison.Ordinal);
        Assert.Contains("/review — ", leader, StringComparison.Ordinal);
        Assert.DoesNotContain("/contact", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/review", member, StringComparison.Ordinal);
        Assert.Contains("/contact — 全程联系", office, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_asked_in_a_group_answers_privately_and_starts_no_visit_there()
    {
        await using var chat = await WithCountyLeaderAsync(_bot);
        var group = new ChatRef("console", "-901", ChatKind.Group, "东县群");

        var inGroup = await chat.SendAsync("30", new CommandInput("contact", "visit"), group);
        var privately = chat.SentTo(CampaignChat.Private("30"));
        var exams = await chat.SendAsync("30", new CommandInput("contact", "exams village_dongguan"), group);

        Assert.Contains("请私聊我使用 /contact", inGroup, StringComparison.Ordinal);
        Assert.Contains("联系走访请在与我的私聊中记录", privately, StringComparison.Ordinal);
        Assert.DoesNotContain("对照检查】共", inGroup + exams, StringComparison.Ordinal);
        Assert.Contains("【城关镇东关村对照检查】共 0 份（只读）", chat.SentTo(CampaignChat.Private("30")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_visit_counts_in_the_units_progress_and_in_the_months_bulletin()
    {
        await using var chat = await WithCountyLeaderAsync(_bot);

        await chat.SayAllAsync("30", "/contact visit", "1", "昨天");
        var saved = await chat.SayAllThenAsync("30", "走访群众，督促整改落实", "1");
        var progress = await chat.SayAsync("40", "/progress");
        var bulletin = await chat.SayAsync("1", "/bulletin 2027-01 preview");
        var output = new StringWriter();
        await BulletinCliCommand.RunAsync("2027-01", null, Configuration.CampaignFiles.LoadShipped(), chat.Stores, output, CancellationToken.None);

        Assert.Equal("已记录对城关镇东关村的联系走访。", saved);
        Assert.Contains("【全程联系】\n城关镇东关村：联系领导 孙县长；本月走访 1 次，累计 1 次，最近 2027-01-19", progress, StringComparison.Ordinal);
        Assert.Contains("全程联系：本月联系领导走访联系点 1 次（城关镇东关村 1）；本月未走访的联系点：无", bulletin, StringComparison.Ordinal);
        Assert.Contains("全程联系：本月联系领导走访联系点 1 次（城关镇东关村 1）", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("孙县长", bulletin[bulletin.IndexOf("全程联系：", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
