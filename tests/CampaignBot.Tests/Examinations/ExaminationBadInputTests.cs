using CampaignBot.Core.Features.Examinations;

namespace CampaignBot.Tests.Examinations;

/// <summary>Wrong buttons, skipped required items, over-long texts and a second /examine: clear replies, nothing corrupted.</summary>
public sealed class ExaminationBadInputTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_required_item_cannot_be_skipped()
    {
        await using var chat = await StartedAsync();

        var reply = await chat.SayAsync("22", "跳过");

        Assert.Contains("这一项是必答项，不能跳过", reply, StringComparison.Ordinal);
        Assert.Contains("第 1/6 项", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submitting_with_required_items_missing_names_them_and_submits_nothing()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "1", "总览");

        var reply = await chat.SayAsync("22", "提交");

        Assert.Contains("还有必答项没有完成，暂不能提交", reply, StringComparison.Ordinal);
        Assert.Contains("第 2 项 官僚主义", reply, StringComparison.Ordinal);
        Assert.Contains("第 6 项 你准备怎样改进", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("第 1 项", reply.Split('\n')[0], StringComparison.Ordinal);
        Assert.Equal(ExaminationStatus.Draft, (await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None))!.Status);
        Assert.Empty(await chat.Stores.Examinations.ListVersionsAsync("console:22", CancellationToken.None));
    }

    [Fact]
    public async Task Over_long_evidence_is_refused_and_the_earlier_text_stays()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "1", "3", "3", "3", "开会多、落实少。", "/back");

        var reply = await chat.SayAsync("22", new string('长', ExaminationFlow_MaxText + 1));

        Assert.Contains($"内容太长了（{ExaminationFlow_MaxText + 1} 字，最多 {ExaminationFlow_MaxText} 字）", reply, StringComparison.Ordinal);
        Assert.Contains("当前内容：开会多、落实少。", reply, StringComparison.Ordinal);
        var exam = await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None);
        Assert.Equal("开会多、落实少。", exam!.Answers["main_problem"].Text);
    }

    [Fact]
    public async Task A_stale_button_is_refused_and_changes_nothing()
    {
        await using var chat = await StartedAsync();
        var stale = chat.Payload(CampaignChat.Private("22"), "存在");
        await chat.SayAsync("22", "3");

        var reply = await chat.SendAsync("22", new ButtonPress(stale, "cb-1"));

        Assert.Contains("这个按钮来自之前的消息，已经失效", reply, StringComparison.Ordinal);
        Assert.Contains("第 2/6 项", reply, StringComparison.Ordinal);
        var exam = await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None);
        Assert.Equal("none", exam!.Answers["wind_formalism"].Choice);
        Assert.False(exam.Answers.ContainsKey("wind_bureaucratism"));
    }

    [Fact]
    public async Task A_forged_value_on_a_current_button_gets_a_clear_reply()
    {
        await using var chat = await StartedAsync();
        var real = chat.Payload(CampaignChat.Private("22"), "存在");
        var forged = real[..real.LastIndexOf(':')] + ":maybe";

        var reply = await chat.SendAsync("22", new ButtonPress(forged, "cb-2"));

        Assert.Contains("请点击按钮选择：存在、部分存在或不存在", reply, StringComparison.Ordinal);
        var exam = await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None);
        Assert.Empty(exam!.Answers);
    }

    [Fact]
    public async Task A_second_examine_while_one_is_open_resumes_at_the_same_item()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "1", "2");

        var reply = await chat.SayAsync("22", "/examine");

        Assert.Contains("你正在进行「对照检查」", reply, StringComparison.Ordinal);
        Assert.Contains("第 3/6 项", reply, StringComparison.Ordinal);
        Assert.Equal(2, (await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None))!.Answers.Count);
    }

    [Fact]
    public async Task Save_and_leave_then_examine_again_resumes_with_the_answers_kept()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "1", "2");
        var saved = await chat.SayAsync("22", "保存退出");

        var resumed = await chat.SayAsync("22", "/examine");
        var back = await chat.SayAsync("22", "/back");

        Assert.Contains("已保存，下次发送 /examine 从第 3 项继续", saved, StringComparison.Ordinal);
        Assert.Contains("从第 3 项开始", resumed, StringComparison.Ordinal);
        Assert.Contains("当前答案：部分存在", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_submission_the_examination_is_read_only()
    {
        await using var chat = await StartedAsync();
        await chat.SayAllAsync("22", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");

        var reply = await chat.SayAsync("22", "/examine");
        var after = await chat.SayAsync("22", "1");

        Assert.Contains("已提交，等待审核，不能再修改", reply, StringComparison.Ordinal);
        Assert.Contains("发送 /help", after, StringComparison.Ordinal);
        Assert.Single(await chat.Stores.Examinations.ListVersionsAsync("console:22", CancellationToken.None));
    }

    [Fact]
    public async Task A_member_cannot_review_and_an_unregistered_user_cannot_examine()
    {
        await using var chat = await StartedAsync();
        await chat.SayAsync("22", "/cancel");

        var review = await chat.SayAsync("22", "/review");
        var stranger = await chat.SayAsync("99", "/examine");

        Assert.Contains("只有支部书记、督导组和活动办可以审核", review, StringComparison.Ordinal);
        Assert.Contains("你还没有注册", stranger, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_too_short_return_comment_is_asked_again()
    {
        await using var chat = await StartedAsync();
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.SayAllAsync("22", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        await chat.SayAllAsync("21", "/review", "1", "2");

        var reply = await chat.SayAsync("21", "不行");

        Assert.Contains("退回意见应为 5–500 字（现在是 2 字）", reply, StringComparison.Ordinal);
        Assert.Empty(await chat.Stores.Examinations.ListReviewsAsync("console:22", CancellationToken.None));
    }

    [Fact]
    public async Task When_two_secretaries_decide_on_one_version_the_second_is_told_and_nothing_changes()
    {
        await using var chat = await StartedAsync();
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "24", "副书记", Village, "secretary");
        await chat.SayAllAsync("22", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        await chat.SayAllAsync("21", "/review", "1");
        await chat.SayAllAsync("24", "/review", "1");
        await chat.SayAsync("21", "1");

        var second = await chat.SayAllThenAsync("24", "2", "请补充具体的事实依据。");

        Assert.Contains("已由其他审核人处理", second, StringComparison.Ordinal);
        var review = Assert.Single(await chat.Stores.Examinations.ListReviewsAsync("console:22", CancellationToken.None));
        Assert.True(review.Accepted);
        Assert.Equal(ExaminationStatus.Accepted, (await chat.Stores.Examinations.GetAsync("console:22", CancellationToken.None))!.Status);
    }

    private const int ExaminationFlow_MaxText = Core.Features.Examinations.ExaminationFlow.MaxTextLength;

    private async Task<CampaignChat> StartedAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAsync("22", "/examine");
        return chat;
    }

    public void Dispose() => _bot.Dispose();
}
