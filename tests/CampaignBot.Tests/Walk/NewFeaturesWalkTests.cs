using System.Text.RegularExpressions;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// The newest features as their users meet them in the real host: /help offers what this person can do, a group reads
/// nothing meant for the office, and a wrong id or an empty list gets a reply that says what is wrong.
/// </summary>
public sealed partial class NewFeaturesWalkTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-905", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Help_offers_the_monthly_dispatch_to_secretaries_and_not_to_the_office_that_cannot_answer_it()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");

        var office = await chat.SayAsync("1", "/help 全部");
        var secretary = await chat.SayAsync("40", "/help 整改");
        var officeDispatch = await chat.SayAsync("1", "/dispatch");

        Assert.DoesNotContain("/dispatch", office, StringComparison.Ordinal);
        Assert.Contains("/bulletin — 月通报", office, StringComparison.Ordinal);
        Assert.Contains("/dispatch — 月调度", secretary, StringComparison.Ordinal);
        Assert.Equal("月调度由本单位支部书记报送。", officeDispatch);
    }

    [Fact]
    public async Task Ledger_usage_shows_a_member_the_verbs_for_the_items_they_lead_and_a_secretary_all_of_them()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "53", "钱党员", "village_dongguan");

        var member = await chat.SayAsync("53", "/ledger");
        var secretary = await chat.SayAsync("40", "/ledger");

        Assert.Contains("/ledger note <编号> <进展>", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/ledger add", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/ledger confirm", member, StringComparison.Ordinal);
        Assert.Contains("/ledger add", secretary, StringComparison.Ordinal);
        Assert.Contains("/ledger confirm", secretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_offers_the_meeting_commands_to_the_team_once_a_meeting_is_opened_and_not_to_other_members()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "51", "张主任", "village_dongguan");
        await chat.RegisterAsync(_bot, "52", "李委员", "village_dongguan");
        await chat.RegisterAsync(_bot, "53", "钱党员", "village_dongguan");

        var before = await chat.SayAsync("51", "/help");
        var secretary = await chat.SayAsync("40", "/help meeting");
        var prompt = await chat.SayAsync("40", "/meeting open");
        await chat.SayAsync("40", $"{NumberOf(prompt, "张主任")} {NumberOf(prompt, "李委员")}");
        await chat.SendAsync("40", new ButtonPress(chat.Payload(CampaignChat.Private("40"), "开始")));
        var team = await chat.SayAsync("51", "/help");
        var outsider = await chat.SayAsync("53", "/help");

        Assert.DoesNotContain("/meeting", before, StringComparison.Ordinal);
        Assert.DoesNotContain("/criticise", before, StringComparison.Ordinal);
        Assert.Contains("/meeting — 专题民主生活会", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("/criticise", secretary, StringComparison.Ordinal);
        Assert.Contains("/meeting — 专题民主生活会", team, StringComparison.Ordinal);
        Assert.Contains("/criticise — 填写准备提出的批评意见", team, StringComparison.Ordinal);
        Assert.DoesNotContain("/meeting", outsider, StringComparison.Ordinal);
        Assert.DoesNotContain("/criticise", outsider, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meeting_opened_at_night_tells_the_team_at_eight()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "51", "张主任", "village_dongguan");
        await chat.RegisterAsync(_bot, "52", "李委员", "village_dongguan");
        var prompt = await chat.SayAsync("40", "/meeting open");
        await chat.SayAsync("40", $"{NumberOf(prompt, "张主任")} {NumberOf(prompt, "李委员")}");

        var opened = await chat.AtNightAsync(CampaignChat.Private("51"), "专题民主生活会开始准备", () => chat.SendAsync("40", new ButtonPress(chat.Payload(CampaignChat.Private("40"), "开始"))));

        Assert.Contains("专题民主生活会开始准备", chat.SentTo(CampaignChat.Private("52")), StringComparison.Ordinal);
        Assert.DoesNotContain("专题民主生活会开始准备", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_asking_for_the_bulletin_in_a_group_gets_the_draft_privately_and_the_group_only_a_pointer()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);

        var inGroup = await chat.SendAsync("1", new CommandInput("bulletin", "2027-01 preview"), Group);
        var privately = chat.SentTo(CampaignChat.Private("1"));

        Assert.Contains("请私聊我使用 /bulletin", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("publish", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("月通报由活动办", inGroup + privately, StringComparison.Ordinal);
        Assert.Contains("2027-01 月通报草稿", privately, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opinions_asked_in_a_group_while_they_are_off_never_show_the_setting_to_change()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);

        var list = await chat.SendAsync("40", new CommandInput("opinions", "list"), Group);
        var open = await chat.SendAsync("40", new CommandInput("opinions", "open village_dongguan"), Group);
        var privately = await chat.SayAsync("40", "/opinions list");

        Assert.Equal("意见请在与我的私聊中查看和处理。", list);
        Assert.Equal("征求意见功能尚未启用，请联系活动办。", open);
        Assert.Contains("Opinions:Secret", privately, StringComparison.Ordinal);
    }

    [Fact]
    public Task Listing_the_opinions_of_a_unit_that_does_not_exist_names_the_unknown_unit() =>
        UnknownUnitIsNamedBeforeAnyRefusalAsync("/opinions list", "没有编号为“nope”的单位。发送 /opinions list 查看你管理的单位的意见。", "只有本单位支部书记、督导组和活动办可以管理本单位的意见。");

    [Fact]
    public Task Listing_the_ledger_of_a_unit_that_does_not_exist_names_the_unknown_unit_before_any_refusal() =>
        UnknownUnitIsNamedBeforeAnyRefusalAsync("/ledger list", "没有编号为“nope”的单位。发送 /ledger list 查看你管理的单位的台帐。", "只有本单位支部书记、督导组和活动办可以管理整改台帐。");

    /// <summary>A secretary lists an unknown unit (in Chinese, then 10,000 characters in English) and another unit.</summary>
    private async Task UnknownUnitIsNamedBeforeAnyRefusalAsync(string command, string unknownUnit, string otherUnit)
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Opinions:Secret"] = "opinion-secret-0123456789abcdef" });
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "41", "Wang", "village_dongguan", "secretary", language: "en");

        var unknown = await chat.SayAsync("40", command + " nope");
        var english = await chat.SayAsync("41", command + " " + new string('x', 10_000));
        var other = await chat.SayAsync("40", command + " county_east");

        Assert.Equal(unknownUnit, unknown);
        Assert.StartsWith("No unit 'xxx", english, StringComparison.Ordinal);
        Assert.True(english.Length < 200, english);
        Assert.Equal(otherUnit, other);
    }

    [Fact]
    public async Task A_contact_leader_asking_for_an_examination_of_a_unit_with_none_is_told_there_are_none_yet()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "30", "孙县长", "county_east", rank: 1);
        await chat.SayAsync("1", "/contact set console:30 county village_dongguan");

        var none = await chat.SayAsync("30", "/contact exam village_dongguan 1");
        var notANumber = await chat.SayAsync("30", "/contact exam village_dongguan abc");

        Assert.Equal("城关镇东关村还没有人填写对照检查，暂无可查看的。", none);
        Assert.Equal(none, notANumber);
        Assert.DoesNotContain("1 到 0", none, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reviewing_a_meeting_record_by_an_id_that_does_not_exist_says_so_in_the_readers_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "county_east", "supervisor", rank: 1, language: "en");

        var wellFormed = await chat.SayAsync("20", "/meeting review abcd0123 很好");
        var malformed = await chat.SayAsync("21", "/meeting review nope");
        var bare = await chat.SayAsync("20", "/meeting review");

        Assert.Equal("没有这个会议编号，请用审阅通知里的编号：/meeting review <编号> [意见]", wellFormed);
        Assert.Equal("No meeting has that id; use the id in the review notice: /meeting review <id> [note]", malformed);
        Assert.StartsWith("专题民主生活会：", bare, StringComparison.Ordinal);
    }

    /// <summary>The number a prompt shows before <paramref name="name"/> ("3. 张主任").</summary>
    private static string NumberOf(string prompt, string name) =>
        Regex.Match(prompt, $@"(\d+)\. {Regex.Escape(name)}").Groups[1].Value is { Length: > 0 } n ? n : throw new InvalidOperationException($"{name} is not listed in: {prompt}");

    public void Dispose() => _bot.Dispose();
}
