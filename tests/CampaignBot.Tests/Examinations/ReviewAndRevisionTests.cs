namespace CampaignBot.Tests.Examinations;

/// <summary>What users hit over the console: a review list gone stale, revising from the summary, notices in English.</summary>
public sealed class ReviewAndRevisionTests : IDisposable
{
    private const string Village = "village_dongguan";
    private const string Measures = "每周到群众家中走访一次，及时解决问题。";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_stale_item_in_the_review_list_says_so_and_no_message_is_empty()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office");
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", Measures, "提交");
        var list = await chat.SayAsync("1", "/review");
        await chat.SayAllAsync("21", "/review", "1", "2", "请具体写明形式主义的表现。");

        var pressed = await chat.SayAsync("1", "1");
        var afterwards = await chat.SayAsync("1", "/progress");

        Assert.Contains("请选择要审核的对照检查", list, StringComparison.Ordinal);
        Assert.Contains("这一份已由其他审核人处理或已被撤回", pressed, StringComparison.Ordinal);
        Assert.Contains("目前没有等待你审核的对照检查。", pressed, StringComparison.Ordinal);
        Assert.DoesNotContain("通过", pressed, StringComparison.Ordinal);
        Assert.Contains("对照检查进度", afterwards, StringComparison.Ordinal);
        Assert.All(chat.BodiesTo(CampaignChat.Private("1")).OfType<TextMessage>(), m => Assert.False(string.IsNullOrWhiteSpace(m.Text)));
    }

    [Fact]
    public async Task Revising_an_item_from_the_summary_returns_to_the_summary_and_typed_submit_submits()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", Measures, "提交");
        await chat.SayAllAsync("21", "/review", "1", "2", "请具体写明形式主义的表现。");

        await chat.SayAllAsync("22", "/examine", "1");
        var revised = await chat.SayAsync("22", "2");
        var nothing = await chat.SayAllThenAsync("22", "6", "4");
        var submitted = await chat.SayAsync("22", "提交");

        Assert.Contains("总览", revised, StringComparison.Ordinal);
        Assert.DoesNotContain("第 2/6 项", revised, StringComparison.Ordinal);
        Assert.Contains("这样的回答没有说明情况（只有数字、标点或一个字）", nothing, StringComparison.Ordinal);
        Assert.Contains("已提交对照检查（第 2 版）", submitted, StringComparison.Ordinal);
        Assert.DoesNotContain("请点击按钮选择", submitted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_using_English_is_told_in_English_that_the_examination_was_returned_and_accepted()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["22"] = "en";
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", Measures, "提交");

        await chat.SayAllAsync("21", "/review", "1", "2", "请具体写明形式主义的表现。");
        var returned = chat.SentTo(CampaignChat.Private("22"));
        await chat.SayAllAsync("22", "/examine", "提交");
        await chat.SayAllAsync("21", "/review", "1", "1");
        var sent = chat.SentTo(CampaignChat.Private("22"));

        Assert.Contains("Your self-examination (version 1) was returned by 村书记. Comment: 请具体写明形式主义的表现。", returned, StringComparison.Ordinal);
        Assert.Contains("Self-examination submitted (version 2)", sent, StringComparison.Ordinal);
        Assert.Contains("Your self-examination (version 2) was accepted by 村书记.", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("你的对照检查", sent, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
