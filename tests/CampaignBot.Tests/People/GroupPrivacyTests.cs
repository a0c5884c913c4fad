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
