using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// The older core as its users meet it in the real host: registration and the profile, a group bound to a unit, /help,
/// and the evaluations' commands as a member, a secretary and the office.
/// </summary>
public sealed class CoreWalkTests : IDisposable
{
    private const string BallotSecret = "test-ballot-secret-0123456789";
    private static readonly ChatRef Group = new("console", "-906", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_member_asking_for_rounds_is_told_who_runs_them_and_never_sees_the_usage()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "41", "党员", "village_dongguan");
        await chat.RegisterAsync(_bot, "42", "Wang", "village_dongguan", language: "en");

        var bare = await chat.SayAsync("41", "/round");
        var close = await chat.SayAsync("41", "/round close abcd0123");
        var english = await chat.SayAsync("42", "/round");
        var inGroup = await chat.SendAsync("41", new CommandInput("round", string.Empty), Group);
        var stranger = await chat.SayAsync("99", "/round");

        Assert.Equal("只有活动办可以开启或结束评议。", bare);
        Assert.Equal(bare, close);
        Assert.Equal("Only the campaign office can open or close evaluation rounds.", english);
        Assert.Equal(bare, inGroup);
        Assert.Equal("你还没有注册，不能管理评议。发送 /start 注册。", stranger);
        Assert.DoesNotContain("/round open", chat.SentTo(CampaignChat.Private("41")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_office_mistyping_a_round_in_a_group_gets_the_usage_privately_and_the_group_is_told_so()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "2", "Office", "city", "office", rank: 1, language: "en");

        var inGroup = await chat.SendAsync("1", new CommandInput("round", "opne"), Group);
        var english = await chat.SayAsync("2", "/round");

        Assert.Equal("评议管理的回复已私信发给你。", inGroup);
        Assert.StartsWith("用法：/round open", chat.SentTo(CampaignChat.Private("1")).Split('\n')[^2], StringComparison.Ordinal);
        Assert.StartsWith("Usage: /round open <unit> <stage>", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_of_another_unit_cannot_take_a_group_that_is_linked_to_a_unit()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "45", "县书记", "county_east", "secretary");
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);

        var inGroup = await chat.SendAsync("45", new CommandInput("link", string.Empty), Group);
        var privately = await chat.SayAsync("45", $"/link county_east {Group.Id}");
        var again = await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);

        Assert.Equal("这个群已关联到「城关镇东关村」，只有该单位的支部书记或活动办可以改动。", inGroup);
        Assert.Equal(inGroup, privately);
        Assert.Equal("本群已关联到「城关镇东关村」。本单位的公开承诺和群众评议结果将发布在这里。", again);
        Assert.Equal("village_dongguan", (await chat.Stores.Chats.GetAsync("console", Group.Id, CancellationToken.None))!.UnitId);
    }

    [Fact]
    public async Task The_office_moves_a_linked_group_only_by_naming_the_unit()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);

        var bare = await chat.SendAsync("1", new CommandInput("link", string.Empty), Group);
        var unitAfterBare = (await chat.Stores.Chats.GetAsync("console", Group.Id, CancellationToken.None))!.UnitId;
        var named = await chat.SendAsync("1", new CommandInput("link", "town_chengguan"), Group);

        Assert.Equal("本群已关联到「城关镇东关村」。如要改为其他单位，请发送 /link <单位ID>。", bare);
        Assert.Equal("village_dongguan", unitAfterBare);
        Assert.Equal("本群已关联到「东县城关镇」。本单位的公开承诺和群众评议结果将发布在这里。", named);
        Assert.Equal("town_chengguan", (await chat.Stores.Chats.GetAsync("console", Group.Id, CancellationToken.None))!.UnitId);
    }

    [Fact]
    public async Task A_secretary_typing_a_unit_that_does_not_exist_is_told_it_does_not_exist_and_nothing_is_linked()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");

        var link = await chat.SendAsync("40", new CommandInput("link", "nosuch"), Group);
        var members = await chat.SayAsync("40", "/members nosuch");
        var results = await chat.SayAsync("40", "/results " + new string('x', 10_000));
        var otherUnit = await chat.SayAsync("40", "/members county_east");
        var otherResults = await chat.SayAsync("40", "/results county_east");
        var progress = await chat.SayAsync("40", "/progress nosuch");

        Assert.Equal("单位 'nosuch' 不在活动配置中。请检查单位ID；支部书记在本单位群里只发 /link 即可。", link);
        Assert.Equal("单位 'nosuch' 不在活动配置中。", members);
        Assert.StartsWith("没有编号为“xxxx", results, StringComparison.Ordinal);
        Assert.True(results.Length < 100, results);
        Assert.Equal("支部书记只能管理本单位的党员。", otherUnit);
        Assert.Equal("支部书记只能查看本单位的评议结果：发送 /results 即可查看。", otherResults);
        Assert.Equal("单位 'nosuch' 不在活动配置中。请检查单位ID，或不写单位，查看你管理的单位。", progress);
        Assert.Null(await chat.Stores.Chats.GetAsync("console", Group.Id, CancellationToken.None) is { UnitId: { } linked } ? linked : null);
    }

    [Fact]
    public async Task A_forged_or_stale_button_pressed_in_a_group_gets_a_notice_and_the_group_reads_nothing()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);
        var before = chat.BodiesTo(Group).Count();

        var forged = await chat.SendAsync("77", new ButtonPress("garbage", "cb1"), Group);
        var stale = await chat.SendAsync("77", new ButtonPress("reg:abcd:ok", "cb2"), Group);
        var privately = await chat.SendAsync("77", new ButtonPress("garbage", "cb3"));

        Assert.Equal("(notice) 无法识别的按钮。", forged);
        Assert.Equal("(notice) 这个按钮已失效。", stale);
        Assert.Equal(before + 2, chat.BodiesTo(Group).Count());
        Assert.Equal("(notice) 无法识别的按钮。\n无法识别这个按钮，操作未执行。", privately);
    }

    [Fact]
    public async Task Help_offers_rounds_to_secretaries_where_they_may_open_them_and_not_where_they_may_not()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await using var opening = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = BallotSecret, ["Evaluation:SecretariesMayOpen"] = "true" });

        var closed = await chat.SayAsync("40", "/help");
        var open = await opening.SayAsync("40", "/help 评议");
        var openInGroup = await opening.SendAsync("40", new CommandInput("help", string.Empty), Group);

        Assert.DoesNotContain("/round", closed, StringComparison.Ordinal);
        Assert.Contains("/round — ", open, StringComparison.Ordinal);
        Assert.Contains("/round — ", openInGroup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_addressed_to_the_bot_in_a_group_is_pointed_to_the_private_chat_and_talk_among_people_is_left_alone()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "41", "党员", "village_dongguan");
        chat.LanguageOf["42"] = "en";

        var addressed = await chat.SendAsync("41", new TextInput("@助手 你好", ToBot: true), Group);
        var english = await chat.SendAsync("42", new TextInput("@bot hello", ToBot: true), Group);
        var talk = await chat.SendAsync("41", new TextInput("大家好", ToBot: false), Group);

        Assert.Equal("在群里我只回应命令。请私聊我，发送 /help 查看你能做的事。", addressed);
        Assert.Equal("In a group I answer commands only. Message me privately and send /help to see what you can do.", english);
        Assert.Empty(talk);
    }

    [Fact]
    public async Task The_profile_says_who_corrects_it_and_a_correction_shows_in_it()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "40", "村书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "41", "Wang", "village_dongguan", language: "en");

        var before = await chat.SayAsync("41", "/me");
        var corrected = await chat.SayAsync("40", "/member console:41 name Wang Wei");
        var after = await chat.SayAsync("41", "/me");
        var profile = await chat.SendAsync("41", new CommandInput("profile", string.Empty));

        Assert.EndsWith("If something is wrong, ask your unit's secretary or the campaign office to correct it.", before, StringComparison.Ordinal);
        Assert.Contains("Wang Wei", corrected, StringComparison.Ordinal);
        Assert.Contains("Name: Wang Wei", after, StringComparison.Ordinal);
        Assert.Equal("Unknown command /profile. Send /help to see the commands.", profile);
    }

    [Fact]
    public async Task The_office_in_english_is_told_in_english_what_is_wrong_with_a_round_command()
    {
        await using var chat = await StartAsync();
        await chat.RegisterAsync(_bot, "2", "Office", "city", "office", rank: 1, language: "en");

        var unit = await chat.SayAsync("2", "/round open nosuch 1");
        var stage = await chat.SayAsync("2", "/round open village_dongguan 9");
        var option = await chat.SayAsync("2", "/round open village_dongguan 1 forever");
        var round = await chat.SayAsync("2", "/round close nosuch");

        Assert.StartsWith("No unit 'nosuch'. Usage: /round open <unit>", unit, StringComparison.Ordinal);
        Assert.StartsWith("No such evaluation stage. Choose one of: 1. style_status (", stage, StringComparison.Ordinal);
        Assert.Contains("4. meeting_satisfaction (", stage, StringComparison.Ordinal);
        Assert.StartsWith("Unrecognised option. Hours are a whole number from 1 to 720.", option, StringComparison.Ordinal);
        Assert.Equal("No round 'nosuch'.", round);
        Assert.Empty(await chat.Stores.EvaluationRounds.ListAsync("village_dongguan", CancellationToken.None));
    }

    private Task<CampaignChat> StartAsync() =>
        CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = BallotSecret });

    public void Dispose() => _bot.Dispose();
}
