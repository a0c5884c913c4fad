using CampaignBot.Core.Conversations;

namespace CampaignBot.Tests.Hosting;

/// <summary>Typed numbers as button presses, and linking a unit's group chat.</summary>
public sealed class SharedPiecesTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-500", ChatKind.Group, "东县党员群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_typed_number_presses_the_button_of_the_current_prompt()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var code = await _bot.CreateInviteAsync();
        await bot.SayAsync("1", "/start");
        await bot.SayAsync("1", code);
        await bot.SayAsync("1", "钱七");

        var replies = DirectBot.Texts(await bot.SendAsync("1", new TextInput("2")));

        Assert.Contains("职级：乡科级干部", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_number_typed_where_no_buttons_are_shown_is_ordinary_text()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var code = await _bot.CreateInviteAsync();
        await bot.SayAsync("1", "/start");
        await bot.SayAsync("1", code);

        var replies = DirectBot.Texts(await bot.SendAsync("1", new TextInput("7")));

        Assert.Contains("第 3 步", replies, StringComparison.Ordinal);
        var answers = (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.Data[DeclaredFlow<RegistrationAnswers>.AnswersKey];
        Assert.Equal("7", MessageJson.Deserialize<RegistrationAnswers>(answers).Name);
    }

    [Fact]
    public async Task A_secretary_links_a_group_to_their_unit()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await RegisterAsync(bot, "9", "secretary");

        var replies = DirectBot.Texts(await bot.SendAsync("9", new CommandInput("link", ""), Group));

        Assert.Contains("已关联到「东县」", replies, StringComparison.Ordinal);
        var linked = await Core.Features.Groups.ChatLinks.FindGroupOfUnitAsync(bot.Stores.Chats, "county_east", CancellationToken.None);
        Assert.Equal("-500", linked!.ChatId);
    }

    [Theory]
    [InlineData("member", "", "只有支部书记或活动办")]
    [InlineData("secretary", "city", "只能把群关联到本单位")]
    [InlineData("office", "atlantis", "不在活动配置中")]
    public async Task Linking_is_refused_to_members_and_to_other_or_unknown_units(string role, string arguments, string expected)
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await RegisterAsync(bot, "9", role);

        var replies = DirectBot.Texts(await bot.SendAsync("9", new CommandInput("link", arguments), Group));

        Assert.Contains(expected, replies, StringComparison.Ordinal);
        Assert.Null(await Core.Features.Groups.ChatLinks.FindGroupOfUnitAsync(bot.Stores.Chats, "county_east", CancellationToken.None));
    }

    [Fact]
    public async Task Link_in_a_private_chat_says_where_to_send_it()
    {
        await using var bot = await DirectBot.StartAsync(_bot);

        var replies = DirectBot.Texts(await bot.SayAsync("9", "/link"));

        Assert.Contains("请在要关联的单位群里发送 /link", replies, StringComparison.Ordinal);
    }

    private async Task RegisterAsync(DirectBot bot, string user, string role)
    {
        var code = await _bot.CreateInviteAsync(role: role);
        foreach (var line in new[] { "/start", code, "书记", "1", "1" })
        {
            await bot.SayAsync(user, line);
        }
    }

    public void Dispose() => _bot.Dispose();
}
