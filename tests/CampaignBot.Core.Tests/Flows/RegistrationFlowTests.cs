using CampaignBot.Core.Conversations;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Registration over the flow harness: every path in milliseconds, no host.</summary>
public sealed class RegistrationFlowTests
{
    private const string Code = "ABC123";
    private readonly InMemoryInviteStore _invites = new();
    private readonly InMemoryMemberStore _members = new();
    private readonly FlowHarness _chat;

    public RegistrationFlowTests()
    {
        _chat = new FlowHarness([new RegistrationFlow(_invites, _members)]);
        _invites.CreateAsync(Invite(Code), CancellationToken.None).GetAwaiter().GetResult();
    }

    [Fact]
    public async Task A_member_gives_code_name_rank_and_confirms_and_is_registered()
    {
        var replies = await _chat.SayAsync("/start", "abc123", "张三", "2", "1");

        var member = await _members.GetAsync("test:1", CancellationToken.None);
        Assert.Contains("第 1 步", replies, StringComparison.Ordinal);
        Assert.Contains("第 4 步：请确认注册信息。\n姓名：张三\n单位：东县\n职级：乡科级干部", replies, StringComparison.Ordinal);
        Assert.Contains("注册成功！欢迎你，张三。", replies, StringComparison.Ordinal);
        Assert.Equal(("张三", "section", "county_east", "member"), (member!.Name, member.Rank, member.UnitId, member.Role));
        Assert.Null(_chat.Session.Flow);
        Assert.Equal(["test:1"], (await _invites.GetAsync(Code, CancellationToken.None))!.RedeemedBy);
    }

    [Fact]
    public async Task Start_sends_the_welcome_and_the_first_step_as_one_message()
    {
        await _chat.SayAsync("/start");

        var reply = Assert.IsType<Messaging.TextMessage>(Assert.Single(_chat.Last!.Replies));
        Assert.Equal(RegistrationTexts.Welcome.Chinese + "\n\n" + RegistrationTexts.AskCode.Chinese, reply.Text);
    }

    [Fact]
    public async Task A_step_shown_again_does_not_repeat_the_welcome()
    {
        var replies = await _chat.SayAsync("/start", "WRONG");

        Assert.Equal(1, CountOf(replies, "欢迎参加"));
        Assert.Equal(2, CountOf(replies, "第 1 步"));
    }

    [Fact]
    public async Task Start_with_a_good_code_goes_straight_to_the_name_in_one_message()
    {
        await _chat.SayAsync("/start abc123");

        var reply = Assert.IsType<Messaging.TextMessage>(Assert.Single(_chat.Last!.Replies));
        Assert.Equal(RegistrationTexts.Welcome.Chinese + "\n\n" + RegistrationTexts.AskName(RegistrationFlow.MaxNameLength).Chinese, reply.Text);
        Assert.Equal("AwaitingName", _chat.Session.State);
        Assert.Contains("注册成功！欢迎你，张三。", await _chat.SayAsync("张三", "2", "1"), StringComparison.Ordinal);
        Assert.Equal("county_east", (await _members.GetAsync("test:1", CancellationToken.None))!.UnitId);
    }

    [Fact]
    public async Task Start_with_a_personal_code_goes_straight_to_confirming_what_the_list_says()
    {
        await _invites.CreateAsync(Invite("MINE1") with { MaxUses = 1, Name = "李四", Rank = "ordinary" }, CancellationToken.None);

        var reply = await _chat.SayAsync("/start MINE1");

        Assert.Contains("姓名：李四", reply, StringComparison.Ordinal);
        Assert.Equal("AwaitingConfirmation", _chat.Session.State);
    }

    [Theory]
    [InlineData("NOPE99", "邀请码无效")]
    [InlineData("OLD1", "已过期")]
    [InlineData("FULL1", "名额已用完")]
    public async Task Start_with_a_bad_code_says_why_above_the_code_step_and_registers_nobody(string code, string reason)
    {
        await _invites.CreateAsync(Invite("OLD1") with { ExpiresAt = _chat.Time.GetUtcNow().AddDays(-1) }, CancellationToken.None);
        await _invites.CreateAsync(Invite("FULL1") with { MaxUses = 1, RedeemedBy = ["test:other"] }, CancellationToken.None);

        await _chat.SayAsync("/start " + code);

        var reply = Assert.IsType<Messaging.TextMessage>(Assert.Single(_chat.Last!.Replies)).Text;
        Assert.StartsWith("欢迎参加", reply, StringComparison.Ordinal);
        Assert.Contains(reason, reply, StringComparison.Ordinal);
        Assert.EndsWith("第 1 步：请输入单位发给你的邀请码。", reply, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", _chat.Session.State);
        Assert.Null(await _members.GetAsync("test:1", CancellationToken.None));
    }

    [Fact]
    public async Task Start_with_ten_thousand_characters_is_refused_as_a_code_and_asks_for_one()
    {
        var reply = await _chat.SayAsync("/start " + new string('x', 10_000));

        Assert.Contains("邀请码无效", reply, StringComparison.Ordinal);
        Assert.True(reply.Length < 300, reply);
        Assert.Equal("AwaitingCode", _chat.Session.State);
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, string.Empty, StringComparison.Ordinal).Length) / part.Length;

    [Fact]
    public async Task The_answers_are_one_typed_json_value_in_the_session()
    {
        await _chat.SayAsync("/start", Code, "张三");

        var json = _chat.Session.Data[DeclaredFlow<RegistrationAnswers>.AnswersKey];
        var answers = Messaging.MessageJson.Deserialize<RegistrationAnswers>(json);
        Assert.Equal(new RegistrationAnswers { Invite = new InviteGrant(Code, "county_east", "member", null, null, null), Name = "张三" }, answers);
        Assert.Equal("AwaitingRank", _chat.Session.State);
    }

    [Fact]
    public async Task A_registration_saved_before_the_grant_was_kept_whole_asks_for_the_code_again_and_registers_nobody()
    {
        await _chat.SayAsync("/start", Code, "张三", "2");
        _chat.Session.Data[DeclaredFlow<RegistrationAnswers>.AnswersKey] =
            """{"code":"ABC123","unitId":"county_east","role":"member","name":"张三","rank":"section","personal":false}""";

        var reply = await _chat.SayAsync("1");

        Assert.Contains("请重新输入邀请码", reply, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", _chat.Session.State);
        Assert.Null(await _members.GetAsync("test:1", CancellationToken.None));
        Assert.Empty((await _invites.GetAsync(Code, CancellationToken.None))!.RedeemedBy);
        Assert.Contains("注册成功", await _chat.SayAsync(Code, "张三", "2", "1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Back_goes_one_step_and_on_the_first_step_says_it_is_the_first()
    {
        var first = await _chat.SayAsync("/start", "/back");
        var back = await _chat.SayAsync(Code, "张三", "/back");

        Assert.Contains("已经是第一步了。", first, StringComparison.Ordinal);
        Assert.EndsWith("第 2 步：请输入你的姓名（不超过 20 个字）。", back, StringComparison.Ordinal);
        Assert.Equal("AwaitingName", _chat.Session.State);
    }

    [Fact]
    public async Task Change_on_the_confirmation_goes_back_to_the_rank()
    {
        await _chat.SayAsync("/start", Code, "张三", "2");

        var changed = await _chat.PressAsync("修改");

        Assert.Equal("第 3 步：请选择你的职级。", changed);
        Assert.Equal("AwaitingRank", _chat.Session.State);
    }

    [Fact]
    public async Task Cancel_ends_the_flow_saves_nothing_and_says_so()
    {
        var replies = await _chat.SayAsync("/start", Code, "张三", "/cancel");

        Assert.EndsWith("已取消注册，填写的信息未保存。需要时发送 /start 重新开始。", replies, StringComparison.Ordinal);
        Assert.Null(_chat.Session.Flow);
        Assert.Empty(_chat.Session.Data);
        Assert.Null(await _members.GetAsync("test:1", CancellationToken.None));
        Assert.Null(_chat.Session.TimeoutAt);
    }

    [Fact]
    public async Task The_timer_of_the_current_prompt_ends_the_flow_and_an_older_one_does_nothing()
    {
        await _chat.SayAsync("/start", Code);
        var staleTimer = await _chat.SendAsync(new Messaging.TimerElapsed("flow-timeout", "000000"));
        var timedOut = await _chat.TimeoutAsync();

        Assert.Equal(string.Empty, staleTimer);
        Assert.Equal("注册长时间未完成，已自动退出。需要时发送 /start 重新开始。", timedOut);
        Assert.Null(_chat.Session.Flow);
        Assert.Null(_chat.Session.TimeoutAt);
    }

    [Fact]
    public async Task Each_prompt_sets_the_flow_timeout_in_the_session_for_its_own_token()
    {
        await _chat.SayAsync("/start");
        var first = (_chat.Session.PromptToken, _chat.Session.TimeoutAt);
        _chat.Time.Advance(TimeSpan.FromMinutes(3));
        await _chat.SayAsync(Code);

        Assert.Empty(_chat.Last!.Jobs);
        Assert.Equal(_chat.Time.GetUtcNow() - TimeSpan.FromMinutes(3) + FlowHarness.FlowTimeout, first.TimeoutAt);
        Assert.Equal(_chat.Time.GetUtcNow() + FlowHarness.FlowTimeout, _chat.Session.TimeoutAt);
        Assert.NotEqual(first.PromptToken, _chat.Session.PromptToken);
        Assert.Equal(new Core.Storage.FlowTimeoutTarget(_chat.Chat, _chat.User), _chat.Session.TimeoutTo);
    }

    [Theory]
    [InlineData("NOPE99", "邀请码无效")]
    [InlineData("OLD1", "已过期")]
    [InlineData("FULL1", "名额已用完")]
    [InlineData("GONE1", "不在本次活动中")]
    public async Task A_bad_code_is_refused_with_its_reason_and_asked_again(string code, string reason)
    {
        await _invites.CreateAsync(Invite("OLD1") with { ExpiresAt = _chat.Time.GetUtcNow().AddDays(-1) }, CancellationToken.None);
        await _invites.CreateAsync(Invite("FULL1") with { MaxUses = 1, RedeemedBy = ["test:other"] }, CancellationToken.None);
        await _invites.CreateAsync(Invite("GONE1") with { UnitId = "atlantis" }, CancellationToken.None);

        var replies = await _chat.SayAsync("/start", code);

        Assert.Contains(reason, replies, StringComparison.Ordinal);
        Assert.EndsWith("第 1 步：请输入单位发给你的邀请码。", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingCode", _chat.Session.State);
    }

    [Fact]
    public async Task A_code_used_up_before_confirmation_says_so_and_asks_for_a_code_again()
    {
        await _invites.CreateAsync(Invite("ONE1") with { MaxUses = 1 }, CancellationToken.None);
        await _chat.SayAsync("/start", "ONE1", "张三", "3");
        await _invites.RedeemAsync("ONE1", "test:someone-else", _chat.Time.GetUtcNow(), CancellationToken.None);

        var replies = await _chat.PressAsync("确认");

        Assert.Equal("抱歉，邀请码在此期间已失效或名额已满，请重新输入邀请码。\n\n第 1 步：请输入单位发给你的邀请码。", replies);
        Assert.Single(_chat.Last!.Replies.OfType<Core.Messaging.TextMessage>());
        Assert.Equal("AwaitingCode", _chat.Session.State);
        Assert.Null(await _members.GetAsync("test:1", CancellationToken.None));
    }

    [Fact]
    public async Task A_button_of_an_earlier_prompt_is_refused_as_expired_and_the_step_is_shown_again()
    {
        await _chat.SayAsync("/start", Code, "张三", "2");
        await _chat.PressAsync("修改");

        var replies = await _chat.PressStaleAsync();

        Assert.Equal("这个按钮已失效。", _chat.Last!.PressNotice);
        Assert.StartsWith("这个按钮来自之前的消息，已经失效。", replies, StringComparison.Ordinal);
        Assert.EndsWith("第 3 步：请选择你的职级。", replies, StringComparison.Ordinal);
        Assert.NotEmpty(Assert.Single(_chat.Last!.Replies.OfType<Core.Messaging.TextMessage>()).Buttons!);
        Assert.Equal("AwaitingRank", _chat.Session.State);
    }

    [Fact]
    public async Task A_bare_number_presses_the_numbered_button_and_a_number_out_of_range_is_refused()
    {
        await _chat.SayAsync("/start", Code, "张三");

        var outOfRange = await _chat.SayAsync("9");
        var chosen = await _chat.SayAsync("3");

        Assert.StartsWith("请点击下面的按钮选择职级。", outOfRange, StringComparison.Ordinal);
        Assert.Contains("职级：普通党员", chosen, StringComparison.Ordinal);
        Assert.Equal("普通党员", _chat.Last!.PressChoice);
    }

    [Theory]
    [InlineData("   ", "姓名不能为空")]
    [InlineData("张三张三张三张三张三张三张三张三张三张三张", "姓名太长了（不超过 20 个字）")]
    [InlineData("/张三", "不能使用的字符")]
    public async Task An_empty_too_long_or_odd_name_is_refused_and_asked_again(string name, string reason)
    {
        await _chat.SayAsync("/start", Code);

        var replies = await _chat.SendAsync(new Messaging.TextInput(name));

        Assert.Contains(reason, replies, StringComparison.Ordinal);
        Assert.EndsWith("第 2 步：请输入你的姓名（不超过 20 个字）。", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingName", _chat.Session.State);
    }

    [Fact]
    public async Task A_message_of_ten_thousand_characters_is_refused_before_the_flow_reads_it()
    {
        await _chat.SayAsync("/start", Code);

        var replies = await _chat.SayAsync(new string('长', 10_000));

        Assert.StartsWith("消息太长", replies, StringComparison.Ordinal);
        Assert.Equal("AwaitingName", _chat.Session.State);
    }

    [Fact]
    public async Task Another_command_mid_flow_is_refused_and_the_step_shown_again()
    {
        await _chat.SayAsync("/start", Code);

        var replies = await _chat.SayAsync("/me");

        Assert.StartsWith("你正在进行「注册」。", replies, StringComparison.Ordinal);
        Assert.EndsWith("第 2 步：请输入你的姓名（不超过 20 个字）。", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_registered_member_who_sends_start_is_told_so_and_no_flow_begins()
    {
        await _chat.SayAsync("/start", Code, "张三", "2", "1");

        var again = await _chat.SayAsync("/start");

        Assert.Equal("你已注册：张三（东县）。发送 /me 查看资料。", again);
        Assert.Null(_chat.Session.Flow);
    }

    [Fact]
    public async Task English_speakers_read_every_step_in_english()
    {
        var chat = new FlowHarness([new RegistrationFlow(_invites, _members)], languageCode: "en");

        var replies = await chat.SayAsync("/start", Code, "Zhang", "3");

        Assert.Contains("Step 1: enter the invite code", replies, StringComparison.Ordinal);
        Assert.Contains("Step 4: please confirm.\nName: Zhang", replies, StringComparison.Ordinal);
        Assert.Equal(["Confirm", "Change"], chat.Buttons.Select(b => b.Label));
    }

    [Fact]
    public async Task An_english_reader_is_offered_the_english_rank_names_and_confirms_and_reads_them_in_me()
    {
        var chat = new FlowHarness([new RegistrationFlow(_invites, _members)], [new MeCommand()], WithEnglishNames(), languageCode: "en");

        var replies = await chat.SayAsync("/start", Code, "Zhang");
        Assert.Equal(["County level and above", "Township and section level", "普通党员"], chat.Buttons.Select(b => b.Label));
        replies = await chat.SayAsync("Township and section level");
        Assert.Contains("Step 4: please confirm.\nName: Zhang\nUnit: East County\nRank: Township and section level", replies, StringComparison.Ordinal);
        await chat.SayAsync("1");
        var me = await chat.SayAsync("/me");

        Assert.Equal("section", (await _members.GetAsync("test:1", CancellationToken.None))!.Rank);
        Assert.Contains("Unit: East County\nRank: Township and section level\nRole: Member\n", me, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_chinese_reader_of_a_campaign_with_english_names_reads_the_chinese_and_may_type_the_english()
    {
        var chat = new FlowHarness([new RegistrationFlow(_invites, _members)], [new MeCommand()], WithEnglishNames());

        await chat.SayAsync("/start", Code, "张三");
        Assert.Equal(["县处级以上领导干部", "乡科级干部", "普通党员"], chat.Buttons.Select(b => b.Label));
        var replies = await chat.SayAsync("township and section level");
        Assert.Contains("第 4 步：请确认注册信息。\n姓名：张三\n单位：东县\n职级：乡科级干部", replies, StringComparison.Ordinal);
        await chat.SayAsync("1");

        Assert.Contains("单位：东县\n职级：乡科级干部\n角色：党员\n", await chat.SayAsync("/me"), StringComparison.Ordinal);
    }

    /// <summary>The test campaign with English names for two ranks, the member role and one unit; the third rank has none.</summary>
    private static Campaign.CampaignDefinition WithEnglishNames()
    {
        var campaign = TestCampaign.Create();
        return campaign with
        {
            Ranks = [campaign.Ranks[0] with { EnglishName = "County level and above" }, campaign.Ranks[1] with { EnglishName = "Township and section level" }, campaign.Ranks[2]],
            Roles = [.. campaign.Roles.Select(r => r.Code == "member" ? r with { EnglishName = "Member" } : r)],
            Units = [.. campaign.Units.Select(u => u.Id == "county_east" ? u with { EnglishName = "East County" } : u)],
        };
    }

    private Invite Invite(string code) => new()
    {
        Code = code,
        UnitId = "county_east",
        Role = "member",
        MaxUses = 5,
        CreatedAt = _chat.Time.GetUtcNow(),
    };
}
