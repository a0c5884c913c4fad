using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Pledges;

namespace CampaignBot.Telegram.Tests.ExamPledges;

/// <summary>Self-examination and pledges through Telegram: the real host, the real client library, the stand-in.</summary>
public sealed class TelegramExaminationTests
{
    private const string Village = "village_dongguan";

    [Fact]
    public async Task Over_telegram_an_examination_is_submitted_returned_with_a_comment_revised_and_accepted()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var secretary = await bot.RegisterAsync(3002, "村书记", Village, "secretary");
        var member = await bot.RegisterAsync(3001, "王村民", Village);

        await member.SayAsync("/examine", "第 1/6 项");
        await member.PressAsync("存在", "第 2/6 项");
        await member.PressAsync("不存在", "第 3/6 项");
        await member.PressAsync("不存在", "第 4/6 项");
        await member.PressAsync("部分存在", "第 5/6 项");
        await member.PressAsync("跳过", "第 6/6 项");
        await member.SayAsync("每周到群众家中走访一次。", "总览");
        var notified = secretary.Received.Count;
        await member.PressAsync("提交", "已提交对照检查（第 1 版）");
        await secretary.WaitForAsync("王村民（城关镇东关村）提交了对照检查（第 1 版）", notified);

        await secretary.SayAsync("/review", "请选择要审核的对照检查");
        await secretary.PressAsync("1. 王村民（城关镇东关村）第 1 版", "王村民 的对照检查（第 1 版）");
        await secretary.PressAsync("退回修改", "请写下退回意见");
        var told = member.Received.Count;
        await secretary.SayAsync("请写明形式主义的具体表现。", "已退回修改");
        await member.WaitForAsync("意见：请写明形式主义的具体表现。", told);

        var revising = await member.SayAsync("/examine", "点击编号可修改该项");
        Assert.Contains("审核意见：请写明形式主义的具体表现。", revising, StringComparison.Ordinal);
        await member.PressAsync("1", "第 1/6 项");
        // An item changed from 总览 comes back to 总览 (issue 11 item 12), not on to item 2.
        await member.PressAsync("部分存在", "点击编号可修改该项");
        await member.PressAsync("提交", "已提交对照检查（第 2 版）");

        await secretary.SayAsync("/review", "请选择要审核的对照检查");
        await secretary.PressAsync("1. 王村民（城关镇东关村）第 2 版", "第 1 版退回意见（村书记）");
        told = member.Received.Count;
        await secretary.PressAsync("通过", "已通过");
        await member.WaitForAsync("已由村书记审核通过", told);

        var exam = await bot.Stores.Examinations.GetAsync("telegram:3001", CancellationToken.None);
        Assert.Equal(ExaminationStatus.Accepted, exam!.Status);
        Assert.Equal(2, (await bot.Stores.Examinations.ListVersionsAsync("telegram:3001", CancellationToken.None)).Count);
        Assert.Equal([false, true], (await bot.Stores.Examinations.ListReviewsAsync("telegram:3001", CancellationToken.None)).Select(r => r.Accepted));
    }

    [Fact]
    public async Task After_a_restart_in_the_middle_the_examination_resumes_at_the_same_item_and_old_buttons_are_refused()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var member = await bot.RegisterAsync(3001, "王村民", Village);
        await member.SayAsync("/examine", "第 1/6 项");
        var stale = member.Button("存在");
        await member.PressAsync("存在", "第 2/6 项");
        await member.PressAsync("不存在", "第 3/6 项");

        await bot.RestartAsync();
        var resumed = await member.SayAsync("/examine", "第 3/6 项");
        var refused = await member.PressDataAsync(stale.Data, stale.MessageId, "第 3/6 项");
        await member.PressAsync("部分存在", "第 4/6 项");

        Assert.Contains("你正在进行「对照检查」", resumed, StringComparison.Ordinal);
        Assert.Contains("这个按钮来自之前的消息，已经失效", refused, StringComparison.Ordinal);
        var exam = await bot.Stores.Examinations.GetAsync("telegram:3001", CancellationToken.None);
        Assert.Equal(["exists", "none", "partly"], exam!.Answers.Values.Select(a => a.Choice));
    }

    [Fact]
    public async Task Over_telegram_a_pledge_is_published_to_the_linked_group_and_the_monthly_check_in_recorded()
    {
        await using var bot = await TelegramCampaign.StartAsync();
        var secretary = await bot.RegisterAsync(3002, "村书记", Village, "secretary");
        var group = secretary.InGroup(TelegramUpdates.GroupId);
        await group.SendAsync(TelegramUpdates.MyChatMember(3002, "member"), "大家好");
        await group.SayAsync("/link", "本群已关联到「城关镇东关村」");
        var member = await bot.RegisterAsync(3001, "王村民", Village);

        await member.SayAsync("/pledge", "请选择承诺的方面");
        await member.PressAsync("政治纪律", "请选择承诺的方面");
        await member.PressAsync("选好了", "「政治纪律」方面的承诺");
        await member.SayAsync("严守政治纪律，做到令行禁止。", "承诺预览");
        var posted = group.Received.Count;
        await member.PressAsync("确认发布", "已发布 1 条公开承诺");
        var post = await group.WaitForAsync("【公开承诺】王村民（城关镇东关村）", posted);

        // A month on: the member's check-in job is due now.
        var job = await bot.Stores.Jobs.GetAsync(PledgeCheckIns.JobIdFor("telegram:3001"), CancellationToken.None);
        Assert.True(job!.DueAt > DateTimeOffset.UtcNow.AddDays(25));
        var asked = member.Received.Count;
        await bot.Stores.Jobs.UpsertAsync(job with { DueAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        await member.WaitForAsync("本月践行情况？", asked);
        await member.PressAsync("已践行", "请简要说明");
        await member.SayAsync("按时参加组织生活。", "本月履约情况已记录");

        Assert.Contains("严守政治纪律，做到令行禁止。", post, StringComparison.Ordinal);
        var checkIn = Assert.Single(await bot.Stores.Pledges.ListCheckInsAsync(Village, CancellationToken.None));
        Assert.Equal((PledgeOutcomes.Kept, "按时参加组织生活。"), (checkIn.Outcome, checkIn.Note));
    }
}
