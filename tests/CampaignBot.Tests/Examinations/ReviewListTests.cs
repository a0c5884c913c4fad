namespace CampaignBot.Tests.Examinations;

/// <summary>The /review list asks nothing: another command leaves it (issue 11, item 4).</summary>
public sealed class ReviewListTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task After_review_shows_its_list_progress_answers_normally()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", "每周到群众家中走访一次，及时解决问题。", "提交");

        var list = await chat.SayAsync("21", "/review");
        var progress = await chat.SayAsync("21", "/progress");
        var reviewAgain = await chat.SayAsync("21", "/review");

        Assert.Contains("请选择要审核的对照检查", list, StringComparison.Ordinal);
        Assert.DoesNotContain("请先完成当前步骤", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("你正在进行", progress, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(progress));
        Assert.Contains("请选择要审核的对照检查", reviewAgain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task While_reading_an_examination_another_command_is_still_refused()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", "每周到群众家中走访一次，及时解决问题。", "提交");

        var refused = await chat.SayAllThenAsync("21", "/review", "1", "/progress");

        Assert.Contains("请先完成当前步骤", refused, StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
