namespace CampaignBot.Tests.Hosting;

/// <summary>Bad input in the middle of registration gets a clear reply and leaves the flow where it was.</summary>
public sealed class RegistrationBadInputTests : IDisposable
{
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_wrong_code_is_refused_and_the_code_is_asked_for_again()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.SayAsync("1", "/start");

        var replies = DirectBot.Texts(await bot.SayAsync("1", "NOPE1234"));

        Assert.Contains("邀请码无效", replies, StringComparison.Ordinal);
        Assert.Contains("第 1 步", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData(" ", "姓名不能为空")]
    [InlineData("/start", "你正在进行「注册」")]
    public async Task An_empty_name_or_a_command_instead_of_a_name_keeps_the_name_step(string input, string expected)
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var code = await _bot.CreateInviteAsync();
        await bot.SayAsync("1", "/start");
        await bot.SayAsync("1", code);

        var replies = DirectBot.Texts(input == " " ? await bot.SendAsync("1", new TextInput(input)) : await bot.SayAsync("1", input));

        Assert.Contains(expected, replies, StringComparison.Ordinal);
        Assert.Contains("第 2 步", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingName", (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_500_character_name_is_refused()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var code = await _bot.CreateInviteAsync();
        await bot.SayAsync("1", "/start");
        await bot.SayAsync("1", code);

        var replies = DirectBot.Texts(await bot.SayAsync("1", new string('名', 500)));

        Assert.Contains("姓名太长了", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingName", (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_10000_character_message_is_refused_before_any_flow_sees_it()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.SayAsync("1", "/start");

        var replies = DirectBot.Texts(await bot.SayAsync("1", new string('x', 10_000)));

        Assert.Contains("消息太长", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.State);
    }

    [Fact]
    public async Task A_button_from_an_old_message_is_refused_and_the_current_step_shown_again()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        var code = await _bot.CreateInviteAsync();
        await bot.SayAsync("1", "/start");
        await bot.SayAsync("1", code);
        var rankPrompt = await bot.SayAsync("1", "赵六");
        var oldRankButton = rankPrompt.OfType<TextMessage>().Single(m => m.Buttons is not null).Buttons![0][0];
        await bot.SendAsync("1", new ButtonPress(oldRankButton.Payload, "cb-1"));
        await bot.SayAsync("1", "/back");

        var replies = await bot.SendAsync("1", new ButtonPress(oldRankButton.Payload, "cb-2"));

        Assert.Contains(replies.OfType<CallbackAnswer>(), a => a.CallbackId == "cb-2" && a.Notice == "这个按钮已失效。");
        Assert.Contains("已经失效", DirectBot.Texts(replies), StringComparison.Ordinal);
        Assert.Equal("AwaitingRank", (await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.State);
    }

    [Theory]
    [InlineData("reg:zzzzzz:rank0")]
    [InlineData("not a payload at all")]
    [InlineData("reg:abc:rank0:and:more:{\"$ne\":1}")]
    public async Task A_forged_button_payload_gets_a_notice_and_changes_nothing(string payload)
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.SayAsync("1", "/start");
        var before = await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None);

        var replies = await bot.SendAsync("1", new ButtonPress(payload, "cb"));

        var after = await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None);
        Assert.Contains(replies.OfType<CallbackAnswer>(), a => a.Notice is not null);
        Assert.Equal(before!.State, after!.State);
        Assert.Equal(before.Data, after.Data);
    }

    [Fact]
    public async Task Cancel_ends_registration_without_saving_and_back_on_the_first_step_says_so()
    {
        await using var bot = await DirectBot.StartAsync(_bot);
        await bot.SayAsync("1", "/start");

        var back = DirectBot.Texts(await bot.SayAsync("1", "/back"));
        var cancel = DirectBot.Texts(await bot.SayAsync("1", "/cancel"));

        Assert.Contains("已经是第一步", back, StringComparison.Ordinal);
        Assert.Contains("已取消注册", cancel, StringComparison.Ordinal);
        Assert.Null((await bot.Stores.Sessions.GetAsync("console:1:1", CancellationToken.None))!.Flow);
        Assert.Null(await bot.Stores.Members.GetAsync("console:1", CancellationToken.None));
    }

    public void Dispose() => _bot.Dispose();
}
