using CampaignBot.ConsoleChannel;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.People;

/// <summary>In a group the bot says only what is meant for the group: personal answers go privately, chatter is left alone.</summary>
public sealed class GroupPrivacyTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-800", ChatKind.Group, "东关村党员群");
    private readonly BotUnderTest _bot = new();

    [Theory]
    [InlineData("progress", "", "对照检查进度")]
    [InlineData("me", "", "我的资料")]
    [InlineData("export", "examinations", "[document]")]
    public async Task A_personal_command_in_a_group_points_to_the_private_chat_and_the_answer_goes_there(string command, string arguments, string answer)
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");

        var inGroup = await chat.SendAsync("21", new CommandInput(command, arguments), Group);

        Assert.Contains($"请私聊我使用 /{command}", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain("王村民", inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain(answer, inGroup, StringComparison.Ordinal);
        Assert.DoesNotContain(chat.BodiesTo(Group), b => b is DocumentMessage or PhotoMessage);
        Assert.Contains(answer, chat.SentTo(CampaignChat.Private("21")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("secretary", "bulletin", "/bulletin 由活动办使用。")]
    [InlineData("secretary", "handling", "/handling 由活动办使用。")]
    [InlineData("member", "progress", "/progress 由支部书记、督导组和活动办使用。")]
    [InlineData("member", "members", "/members 由支部书记和活动办使用。")]
    [InlineData("member", "inspect", "/inspect 由活动办和督导组使用。")]
    [InlineData("member", "contact", "/contact 由活动办、联系领导和单位的书记、督导组使用。")]
    [InlineData("supervisor", "todo", "/todo 由支部书记和活动办使用。")]
    [InlineData("supervisor", "invite", "/invite 由支部书记和活动办使用。")]
    public async Task A_personal_command_the_asker_cannot_use_is_answered_in_the_group_in_one_line_and_nothing_goes_privately(string role, string command, string line)
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "31", "李同志", role == "supervisor" ? "county_east" : "village_dongguan", role);
        var before = chat.BodiesTo(CampaignChat.Private("31")).Count();

        var inGroup = await chat.SendAsync("31", new CommandInput(command, string.Empty), Group);

        Assert.Equal(line, inGroup);
        Assert.Equal(before, chat.BodiesTo(CampaignChat.Private("31")).Count());
    }

    [Fact]
    public async Task An_unregistered_person_asking_for_a_personal_command_in_a_group_reads_one_line_there_without_registration_steps()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);

        var me = await chat.SendAsync("77", new CommandInput("me", string.Empty), Group);
        var results = await chat.SendAsync("77", new CommandInput("results", string.Empty), Group);

        Assert.Equal("/me 供已注册的党员干部使用。", me);
        Assert.Equal("/results 由支部书记、督导组和活动办使用。", results);
        Assert.DoesNotContain("/start", me + results, StringComparison.Ordinal);
        Assert.DoesNotContain("邀请码", me + results, StringComparison.Ordinal);
        Assert.Empty(chat.BodiesTo(CampaignChat.Private("77")));
    }

    [Fact]
    public async Task A_member_reading_english_is_told_in_english_whom_the_command_is_for()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "32", "Li", "village_dongguan", language: "en");

        var inGroup = await chat.SendAsync("32", new CommandInput("bulletin", string.Empty), Group);

        Assert.Equal("/bulletin is for the campaign office.", inGroup);
    }

    [Fact]
    public async Task A_secretary_who_reads_their_unit_through_contact_still_gets_the_answer_privately()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", "village_dongguan", "secretary");

        var inGroup = await chat.SendAsync("21", new CommandInput("contact", "exams village_dongguan"), Group);

        Assert.Contains("请私聊我使用 /contact", inGroup, StringComparison.Ordinal);
        Assert.Contains("对照检查】共 0 份（只读）", chat.SentTo(CampaignChat.Private("21")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Group_text_not_addressed_to_the_bot_is_ignored_quietly_even_a_long_notice()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "22", "王村民", "village_dongguan");
        var notice = "【通知】" + new string('会', 4000);

        var reply = await chat.SendAsync("22", new TextInput(notice, ToBot: false), Group);
        var number = await chat.SendAsync("22", new TextInput("2", ToBot: false), Group);
        var unregistered = await chat.SendAsync("99", new TextInput("大家好", ToBot: false), Group);

        Assert.Equal(string.Empty, reply + number + unregistered);
        Assert.Empty(chat.BodiesTo(Group));
    }

    [Fact]
    public async Task Console_lines_in_a_group_are_for_the_bot_only_when_they_mention_it()
    {
        var transcript = new ConsoleTranscript(TextWriter.Null);

        var chatter = Assert.IsType<TextInput>(ConsoleLine.Parse("明天开会", Group, transcript));
        var mention = Assert.IsType<TextInput>(ConsoleLine.Parse("@助手 怎么投票", Group, transcript));
        var inPrivate = Assert.IsType<TextInput>(ConsoleLine.Parse("明天开会", CampaignChat.Private("1"), transcript));

        Assert.False(chatter.ToBot);
        Assert.True(mention.ToBot);
        Assert.True(inPrivate.ToBot);
    }

    public void Dispose() => _bot.Dispose();
}
