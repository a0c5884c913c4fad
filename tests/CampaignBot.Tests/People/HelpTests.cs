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
        var secretary = await chat.SayAsync("24", "/help");
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
        var secretary = await chat.SayAsync("26", "/help");

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

    public void Dispose() => _bot.Dispose();
}
