using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.LifeMeetings;
using static CampaignBot.Telegram.Tests.LifeMeetings.MeetingOverTelegram;

namespace CampaignBot.Telegram.Tests.LifeMeetings;

/// <summary>The democratic life meeting end to end over the real Telegram client, the Bot API stand-in and a fake clock.</summary>
public sealed class LifeMeetingOverTelegramTests
{
    private const long Office = 1, Secretary = 10, Head = 11, Li = 12, Wang = 13, Supervisor = 20;

    private static readonly (long User, string Name)[] Team = [(Head, "张主任"), (Li, "李委员"), (Wang, "王委员")];

    [Fact]
    public async Task A_team_of_three_completes_the_talks_the_record_is_saved_and_the_satisfaction_round_opens_by_itself_and_is_voted_and_closed()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync(Office, "活动办", Roles.CampaignOffice, "city");
        await bot.RegisterAsync(Supervisor, "孙督导", Roles.Supervisor, "city");
        await bot.RegisterAsync(Secretary, "赵书记", Roles.Secretary);
        foreach (var (user, name) in Team)
        {
            await bot.RegisterAsync(user, name, Roles.Member);
        }

        // The secretary opens the preparation: the head first, then the members.
        var list = await bot.SayAsync(Secretary, "/meeting open", "领导班子有哪些人");
        await bot.SayAsync(Secretary, string.Join(' ', Team.Select(t => NumberOf(list, t.Name))), "一把手：张主任");
        await bot.PressAsync(Secretary, "开始", "已开启专题民主生活会准备");
        await bot.WaitForAsync(Wang, "/criticise");
        await bot.WaitForAsync(Supervisor, "开启了专题民主生活会准备");

        // 提什么: every member writes for every other member.
        foreach (var (from, fromName) in Team)
        {
            foreach (var (_, toName) in Team.Where(t => t.User != from))
            {
                var colleagues = await bot.SayAsync(from, "/criticise", "向谁提出批评意见");
                await bot.SayAsync(from, NumberOf(colleagues, toName), $"请写出你准备向{toName}提出的批评意见");
                await bot.SayAsync(from, $"{fromName}对{toName}：下基层调研不够深入\n联系群众不够经常", "提交后由一把手审核");
                await bot.PressAsync(from, "提交", "等待一把手审核");
            }
        }

        Assert.Contains("不能标记召开", await bot.SayAsync(Secretary, "/meeting ready", "标记召开"), StringComparison.Ordinal);

        // 行不行: the head sends 李委员 → 王委员 back once, approves the other five.
        var waiting = await bot.SayAsync(Head, "/meeting check", "请选择");
        await bot.SayAsync(Head, NumberOf(waiting, "李委员 → 王委员"), "行不行");
        await bot.PressAsync(Head, "退回修改", "退回的理由");
        await bot.SayAsync(Head, "要具体，举一件事", "已退回 李委员 → 王委员");
        Assert.Contains("要具体，举一件事", await bot.WaitForAsync(Li, "被张主任退回"), StringComparison.Ordinal);
        for (var i = 0; i < 5; i++)
        {
            await bot.SayAsync(Head, "1", "行不行");
            await bot.PressAsync(Head, "可以", "已通过");
        }

        // The author revises; the head approves the new text.
        var mine = await bot.SayAsync(Li, "/criticise", "向谁提出批评意见");
        Assert.Contains("退回理由：要具体", await bot.SayAsync(Li, NumberOf(mine, "王委员"), "请写出你准备向王委员"), StringComparison.Ordinal);
        await bot.SayAsync(Li, "去年三次下乡都只看了示范点\n联系群众不够经常", "提交后由一把手审核");
        await bot.PressAsync(Li, "提交", "等待一把手审核");
        await bot.SayAsync(Head, "/meeting check", "1. 李委员 → 王委员");
        Assert.Contains("已退回 1 次", await bot.SayAsync(Head, "1", "行不行"), StringComparison.Ordinal);
        await bot.PressAsync(Head, "可以", "待审核的批评意见已全部处理");

        // A member can't read another pair's criticisms.
        var wangReads = await bot.SayAsync(Wang, "/meeting talks", "→");
        Assert.DoesNotContain("张主任对李委员", wangReads, StringComparison.Ordinal);
        Assert.DoesNotContain("李委员 → 张主任", wangReads, StringComparison.Ordinal);
        Assert.Contains("去年三次下乡", wangReads, StringComparison.Ordinal);
        var meeting = (await bot.Stores.LifeMeetings.ListAsync("county_east", CancellationToken.None)).Single();
        Assert.Contains("张主任对李委员", await bot.SayAsync(Supervisor, $"/meeting talks {meeting.Id}", "→"), StringComparison.Ordinal);

        // 够不够: both sides of each of the six pairs confirm.
        foreach (var (user, _) in Team)
        {
            await bot.SayAsync(user, "/meeting confirm", "请选择");
            for (var i = 0; i < 4; i++)
            {
                await bot.SayAsync(user, "1", "够不够");
                await bot.PressAsync(user, "够了", i < 3 ? "已确认" : "已全部处理");
            }
        }

        await bot.WaitForAsync(Secretary, "三轮沟通完成");
        var status = await bot.SayAsync(Head, "/meeting", "已确认 6 / 6 组");
        Assert.Contains("李委员 → 王委员：双方已确认", status, StringComparison.Ordinal);
        await bot.SayAsync(Secretary, "/meeting ready", "已标记为可以召开");

        // The record: date, the supervisor present, everyone there, minutes and criticisms per person, a note.
        await bot.SayAsync(Secretary, "/meeting record", "会议在哪一天召开");
        await bot.SayAsync(Secretary, "2027-03-01", "督导组是否到会");
        await bot.PressAsync(Secretary, "督导组到会", "有没有缺席");
        await bot.PressAsync(Secretary, "全部到会", "张主任（一把手，约 30 分钟）");
        await bot.SayAsync(Secretary, "31 2", "李委员（班子成员");
        await bot.SayAsync(Secretary, "21 2", "王委员（班子成员");
        await bot.SayAsync(Secretary, "20 2", "还有什么要记下的");
        var summary = await bot.PressAsync(Secretary, "无", "会议日期：2027-03-01");
        Assert.Contains("张主任：31 分钟，批评意见 2 条", summary, StringComparison.Ordinal);
        await bot.PressAsync(Secretary, "保存", "会议记录已保存");
        await bot.WaitForAsync(Supervisor, $"/meeting review {meeting.Id}");

        // The 满意度测评 opened by itself: each of the unit's four registered people got a private ballot.
        var round = (await bot.Stores.EvaluationRounds.ListAsync("county_east", CancellationToken.None)).Single(r => r.Stage == "meeting_satisfaction");
        Assert.Equal((RoundAudience.Roster, RoundStatus.Open), (round.Audience, round.Status));
        Assert.Equal(round.Id, (await bot.Stores.LifeMeetings.GetAsync(meeting.Id, CancellationToken.None))!.SatisfactionRoundId);
        foreach (var (voter, choice) in new[] { (Secretary, "满意"), (Head, "满意"), (Li, "基本满意"), (Wang, "不满意") })
        {
            await bot.WaitForAsync(voter, "满意度测评");
            await bot.PressAsync(voter, choice, "满意度测评");
        }

        await bot.SayAsync(Supervisor, $"/meeting review {meeting.Id} 会议质量较高", "已审阅会议记录");
        await bot.WaitForAsync(Secretary, "会议质量较高");

        // The round closes at its time by itself; its verdict joins the unit's results.
        var mark = bot.Mark;
        bot.Time.Advance(TimeSpan.FromHours(48));
        await bot.WaitForAsync(Office, "满意度测评", mark);
        var closed = await bot.Stores.EvaluationRounds.GetAsync(round.Id, CancellationToken.None);
        Assert.Equal(RoundStatus.Closed, closed!.Status);
        Assert.Equal(4, closed.Result!.Votes);
        Assert.Equal(3, closed.Result.Satisfied);
        var results = await bot.SayAsync(Office, "/results", "满意度测评");
        Assert.Contains("满意度测评：未通过·需补课，第 1 轮，4 票，满意率 75%", results, StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Reviewed, (await bot.Stores.LifeMeetings.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }
}
