using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.People;

/// <summary>/help lists what this person, in this chat, can do; the masses hear about /vote, not only registration.</summary>
public sealed class HelpTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-801", ChatKind.Group, "东县群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task An_unregistered_person_sees_registration_and_voting_but_no_office_commands()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);

        var help = await chat.SayAsync("50", "/help");

        Assert.Contains("/start", help, StringComparison.Ordinal);
        Assert.Contains("/vote", help, StringComparison.Ordinal);
        Assert.Contains("群众参加评议不用注册", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/round", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/review", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/examine", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sees_their_own_commands_and_the_office_sees_its_own()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);

        var member = await chat.SayAsync("22", "/help");
        var office = await chat.SayAsync("1", "/help");

        Assert.Contains("/examine", member, StringComparison.Ordinal);
        Assert.Contains("/study", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/start", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/round", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/progress", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/research", member, StringComparison.Ordinal);
        Assert.DoesNotContain("invite create", member, StringComparison.Ordinal);
        Assert.Contains("/round", office, StringComparison.Ordinal);
        Assert.Contains("/members", office, StringComparison.Ordinal);
        Assert.Contains("/research", office, StringComparison.Ordinal);
        Assert.Contains("invite create", office, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Secretaries_see_the_life_meeting_command_and_members_outside_a_team_and_the_unregistered_do_not()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "23", "李委员", "village_dongguan");
        await chat.RegisterAsync(_bot, "24", "村书记", "village_dongguan", "secretary");

        var member = await chat.SayAsync("23", "/help");
        var secretary = await chat.SayAsync("24", "/help meeting");
        var stranger = await chat.SayAsync("51", "/help");

        Assert.DoesNotContain("/meeting", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/criticise", member, StringComparison.Ordinal);
        Assert.Contains("/meeting — 专题民主生活会", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("/meeting", stranger, StringComparison.Ordinal);
        Assert.DoesNotContain("/criticise", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_sees_the_ledger_verbs_they_can_use_and_a_secretary_sees_adding_and_confirming()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "25", "张委员", "village_dongguan");
        await chat.RegisterAsync(_bot, "26", "村书记", "village_dongguan", "secretary");

        var member = await chat.SayAsync("25", "/help");
        var secretary = await chat.SayAsync("26", "/help ledger");

        Assert.Contains("/ledger — 整改台帐：我牵头的事项", member, StringComparison.Ordinal);
        Assert.DoesNotContain("建立、进展、完成、确认", member, StringComparison.Ordinal);
        Assert.Contains("/ledger — 整改台帐：建立、进展、完成、确认", secretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_a_group_is_short_and_says_nothing_about_registering()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");

        var stranger = await chat.SendAsync("77", new CommandInput("help", string.Empty), Group);
        var secretary = await chat.SendAsync("21", new CommandInput("help", string.Empty), Group);

        Assert.DoesNotContain("注册", stranger, StringComparison.Ordinal);
        Assert.DoesNotContain("/start", stranger, StringComparison.Ordinal);
        Assert.Contains("评议", stranger, StringComparison.Ordinal);
        Assert.True(stranger.Split('\n').Length <= 3, stranger);
        Assert.Contains("/link", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("/progress", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("/examine", secretary, StringComparison.Ordinal);
        Assert.True(secretary.Split('\n').Length <= 4, secretary);
    }

    [Fact]
    public async Task An_unregistered_person_who_writes_is_told_about_voting_as_well_as_registering()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);

        var reply = await chat.SayAsync("60", "你好，我想给村里评个分");

        Assert.Contains("/start", reply, StringComparison.Ordinal);
        Assert.Contains("/vote 口令", reply, StringComparison.Ordinal);
        Assert.Contains("不用注册", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_and_a_secretary_see_a_line_per_section_that_fits_a_phone_and_a_member_sees_each_command_described()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "27", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "28", "赵党员", "village_dongguan");

        var office = await chat.SayAsync("1", "/help");
        var secretary = await chat.SayAsync("27", "/help");
        var member = await chat.SayAsync("28", "/help");

        Assert.True(office.Split('\n').Length <= 12, office);
        Assert.True(secretary.Split('\n').Length <= 12, secretary);
        Assert.Contains("群众评议：/vote /results /round", office, StringComparison.Ordinal);
        Assert.Contains("进度通报：/progress /todo /export", office, StringComparison.Ordinal);
        Assert.Contains("/bulletin", office, StringComparison.Ordinal);
        Assert.Contains("/inspect", office, StringComparison.Ordinal);
        Assert.Contains("意见整改：/opinion /opinions /ledger /dispatch", secretary, StringComparison.Ordinal);
        Assert.Contains("/help 整改", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain(" — ", secretary, StringComparison.Ordinal);
        Assert.Contains("/examine — 对照检查", member, StringComparison.Ordinal);
        Assert.Contains("/ledger — 整改台帐：我牵头的事项", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/help 整改", member, StringComparison.Ordinal);
        Assert.DoesNotContain("/help — ", member, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_with_a_section_a_command_or_all_describes_those_commands_and_an_unknown_word_says_so()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "29", "村书记", "village_dongguan", "secretary");

        var section = await chat.SayAsync("29", "/help 整改");
        var byCommand = await chat.SayAsync("29", "/help /dispatch");
        var all = await chat.SayAsync("29", "/help 全部");
        var unknown = await chat.SayAsync("29", "/help 天气");
        var notTheirs = await chat.SayAsync("29", "/help bulletin");

        Assert.StartsWith("意见整改：\n/opinion — ", section, StringComparison.Ordinal);
        Assert.Contains("/dispatch — 月调度", section, StringComparison.Ordinal);
        Assert.DoesNotContain("/examine", section, StringComparison.Ordinal);
        Assert.EndsWith("发送 /help 看全部栏目。", section, StringComparison.Ordinal);
        Assert.Equal(section, byCommand);
        Assert.Contains("/examine — 对照检查", all, StringComparison.Ordinal);
        Assert.Contains("/meeting — 专题民主生活会", all, StringComparison.Ordinal);
        Assert.StartsWith("没有“天气”这一栏。\n你可以使用：", unknown, StringComparison.Ordinal);
        Assert.Contains("学习调研：/study", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain("/bulletin", notTheirs, StringComparison.Ordinal);
        Assert.StartsWith("没有“bulletin”这一栏。", notTheirs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_reader_sees_the_sections_and_their_commands_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["2"] = "en";
        await chat.RegisterAsync(_bot, "2", "Office", "city", "office", rank: 1);

        var overview = await chat.SayAsync("2", "/help");
        var ledger = await chat.SayAsync("2", "/help ledger");

        Assert.StartsWith("What you can do:\n", overview, StringComparison.Ordinal);
        Assert.Contains("Evaluations: /vote /results /round", overview, StringComparison.Ordinal);
        Assert.Contains("Send /help and a section", overview, StringComparison.Ordinal);
        Assert.StartsWith("Opinions and ledger:\n", ledger, StringComparison.Ordinal);
        Assert.Contains("/ledger — Rectification ledger: add, progress, done, confirm", ledger, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", ledger);
    }

    public void Dispose() => _bot.Dispose();
}
