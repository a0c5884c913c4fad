using CampaignBot.Core.Features.Examinations;

namespace CampaignBot.Tests.Examinations;

/// <summary>The whole self-examination: answered, submitted, returned with a comment, revised and accepted.</summary>
public sealed class ExaminationReviewLoopTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Submitted_at_night_the_reviewer_is_told_at_eight_and_returned_at_night_the_member_is_told_at_eight()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);
        await chat.SayAllAsync("22", "/examine", "1", "3", "3", "3", "跳过", "每周到群众家中走访一次，及时解决问题。");

        var submitted = await chat.AtNightAsync(CampaignChat.Private("21"), "王村民（城关镇东关村）提交了对照检查（第 1 版）", () => chat.SayAsync("22", "提交"));
        await chat.SayAllAsync("21", "/review", "1", "2");
        var returned = await chat.AtNightAsync(CampaignChat.Private("22"), "被村书记退回修改。意见：请具体写明形式主义的表现。", () => chat.SayAsync("21", "请具体写明形式主义的表现。"));

        Assert.Contains("已提交对照检查（第 1 版）", submitted, StringComparison.Ordinal);
        Assert.Contains("已退回修改", returned, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_examination_is_submitted_returned_with_a_comment_revised_and_accepted()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "21", "村书记", Village, "secretary");
        await chat.RegisterAsync(_bot, "22", "王村民", Village);

        var start = await chat.SayAsync("22", "/examine");
        await chat.SayAllAsync("22", "1", "3", "3", "3", "跳过", "每周到群众家中走访一次，及时解决问题。");
        var submitted = await chat.SayAsync("22", "提交");

        Assert.Contains("党员对照检查（简表）", start, StringComparison.Ordinal);
        Assert.Contains("第 1/6 项【四风】", start, StringComparison.Ordinal);
        Assert.Contains("已提交对照检查（第 1 版）", submitted, StringComparison.Ordinal);
        Assert.Contains("王村民（城关镇东关村）提交了对照检查（第 1 版）", chat.SentTo(CampaignChat.Private("21")), StringComparison.Ordinal);

        await chat.SayAllAsync("21", "/review", "1", "2");
        var returned = await chat.SayAsync("21", "请具体写明形式主义的表现。");
        Assert.Contains("已退回修改", returned, StringComparison.Ordinal);
        Assert.Contains("意见：请具体写明形式主义的表现。", chat.SentTo(CampaignChat.Private("22")), StringComparison.Ordinal);

        var revising = await chat.SayAsync("22", "/examine");
        await chat.SayAllAsync("22", "1", "2", "总览");
        var resubmitted = await chat.SayAsync("22", "提交");
        Assert.Contains("审核意见：请具体写明形式主义的表现。", revising, StringComparison.Ordinal);
        Assert.Contains("已提交对照检查（第 2 版）", resubmitted, StringComparison.Ordinal);

        var reading = await chat.SayAllThenAsync("21", "/review", "1");
        var accepted = await chat.SayAsync("21", "1");
        Assert.Contains("第 1 版退回意见（村书记）：请具体写明形式主义的表现。", reading, StringComparison.Ordinal);
        Assert.Contains("已通过", accepted, StringComparison.Ordinal);
        Assert.Contains("已由村书记审核通过", chat.SentTo(CampaignChat.Private("22")), StringComparison.Ordinal);

        var stores = chat.Stores.Examinations;
        var exam = await stores.GetAsync("console:22", CancellationToken.None);
        var versions = await stores.ListVersionsAsync("console:22", CancellationToken.None);
        var reviews = await stores.ListReviewsAsync("console:22", CancellationToken.None);
        Assert.Equal(ExaminationStatus.Accepted, exam!.Status);
        Assert.Equal("exists", versions[0].Answers["wind_formalism"].Choice);
        Assert.Equal("partly", versions[1].Answers["wind_formalism"].Choice);
        Assert.Equal([false, true], reviews.Select(r => r.Accepted));
        Assert.Equal("请具体写明形式主义的表现。", reviews[0].Comment);
    }

    [Fact]
    public async Task A_leaders_full_form_goes_to_the_supervisor_of_the_unit_above()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "60", "督导员", "city", "supervisor");
        await chat.RegisterAsync(_bot, "61", "县书记", "county_east", "secretary");
        await chat.RegisterAsync(_bot, "50", "李县长", "county_east", rank: 1);

        var start = await chat.SayAsync("50", "/examine");
        for (var i = 0; i < 9; i++)
        {
            await chat.SayAllAsync("50", "3", "跳过");
        }

        await chat.SayAllAsync("50", "理想信念还需坚定。", "调研不够深入。", "专业能力有差距。", "跳过", "三个月内完成整改。");
        var submitted = await chat.SayAsync("50", "提交");

        Assert.Contains("共 14 项", start, StringComparison.Ordinal);
        Assert.Contains("已提交对照检查（第 1 版）", submitted, StringComparison.Ordinal);
        Assert.Contains("李县长（东县）提交了对照检查", chat.SentTo(CampaignChat.Private("60")), StringComparison.Ordinal);
        Assert.DoesNotContain("提交了对照检查", chat.SentTo(CampaignChat.Private("61")), StringComparison.Ordinal);
        Assert.Contains("没有等待你审核", await chat.SayAsync("61", "/review"), StringComparison.Ordinal);
    }

    public void Dispose() => _bot.Dispose();
}
