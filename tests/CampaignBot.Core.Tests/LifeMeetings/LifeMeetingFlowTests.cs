using CampaignBot.Core.Features.Evaluations;
using CampaignBot.Core.Features.LifeMeetings;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Tests.Flows;
using static CampaignBot.Core.Tests.LifeMeetings.LifeMeetingRig;

namespace CampaignBot.Core.Tests.LifeMeetings;

public sealed class LifeMeetingFlowTests
{
    private static readonly string[] Team = [Head, Li, Wang];

    [Fact]
    public async Task A_team_of_three_completes_the_three_rounds_with_one_criticism_sent_back_once_and_only_then_the_meeting_is_ready()
    {
        var rig = new LifeMeetingRig();
        var meeting = await rig.OpenAsync();
        Assert.Equal([IdOf(Head), IdOf(Li), IdOf(Wang)], meeting.Team);
        Assert.Equal(6, (await rig.Store.ListTalksAsync(meeting.Id, CancellationToken.None)).Count);
        Assert.Contains(rig[Secretary].Last!.KeyedNotifications, n => n.Chat.Id == Li && ((TextMessage)n.Message).Text.Contains("/criticise", StringComparison.Ordinal));
        Assert.Contains(rig[Secretary].Last!.KeyedNotifications, n => n.Chat.Id == Supervisor);

        var names = new Dictionary<string, string> { [Head] = "张主任", [Li] = "李委员", [Wang] = "王委员" };
        foreach (var from in Team)
        {
            foreach (var to in Team.Where(t => t != from))
            {
                var said = await rig.CriticiseAsync(from, names[to], $"{names[from]}对{names[to]}：调研不够深入\n联系群众不够经常");
                Assert.Contains("等待一把手审核", said, StringComparison.Ordinal);
            }
        }

        Assert.Contains("还有 6 / 6 组批评意见没有双方确认，不能标记召开", await rig[Secretary].SayAsync("/meeting ready"), StringComparison.Ordinal);

        // 行不行: the head sends 李委员 → 王委员 back once and approves the rest.
        var head = rig[Head];
        var list = await head.SayAsync("/meeting check");
        var shown = await PickAsync(head, list, "李委员 → 王委员");
        Assert.Contains("调研不够深入", shown, StringComparison.Ordinal);
        await head.PressAsync("退回修改");
        var afterReason = await head.SayAsync("要具体，举一件事");
        Assert.Contains("已退回", afterReason, StringComparison.Ordinal);
        Assert.Contains(head.Last!.Notifications, n => n.Chat.Id == Li && ((TextMessage)n.Message).Text.Contains("要具体，举一件事", StringComparison.Ordinal));
        var approved = string.Empty;
        for (var i = 0; i < 5; i++)
        {
            await head.SayAsync("1");
            approved = await head.PressAsync("可以");
        }

        Assert.Contains("待审核的批评意见已全部处理", approved, StringComparison.Ordinal);
        Assert.Null(head.Session.Flow);
        var sentBack = await rig.TalkAsync(meeting, Li, Wang);
        Assert.Equal(TalkStatus.SentBack, sentBack!.Status);
        Assert.Equal(1, sentBack.Returns);

        // The author sees the reason and revises; the head approves the new text.
        var li = rig[Li];
        var colleagues = await li.SayAsync("/criticise");
        var writing = await PickAsync(li, colleagues, "王委员");
        Assert.Contains("退回理由：要具体，举一件事", writing, StringComparison.Ordinal);
        await li.SayAsync("去年三次下乡都只看了示范点\n联系群众不够经常");
        await li.PressAsync("提交");
        await head.SayAsync("/meeting check", "1");
        await head.PressAsync("可以");

        // 够不够: both sides of every pair confirm.
        foreach (var user in Team)
        {
            var chat = rig[user];
            await chat.SayAsync("/meeting confirm");
            for (var i = 0; i < 4; i++)
            {
                await chat.SayAsync("1");
                await chat.PressAsync("够了");
            }

            Assert.Contains("已全部处理", string.Join("\n", chat.Last!.Replies.OfType<TextMessage>().Select(m => m.Text)), StringComparison.Ordinal);
        }

        var talks = await rig.Store.ListTalksAsync(meeting.Id, CancellationToken.None);
        Assert.All(talks, t => Assert.Equal(TalkStatus.Confirmed, t.Status));
        Assert.Contains(rig[Wang].Last!.KeyedNotifications.Concat(rig[Li].Last!.KeyedNotifications).Concat(rig[Head].Last!.KeyedNotifications), n => n.Chat.Id == Secretary);

        Assert.Contains("已标记为可以召开", await rig[Secretary].SayAsync("/meeting ready"), StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Ready, (await rig.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task A_member_cannot_read_another_pairs_criticisms_nor_see_their_state()
    {
        var rig = new LifeMeetingRig();
        var meeting = await rig.OpenAsync();
        await rig.CriticiseAsync(Head, "李委员", "张对李的秘密意见：开会迟到");
        await rig.CriticiseAsync(Wang, "张主任", "王对张的意见：一言堂");

        var wangReads = await rig[Wang].SayAsync("/meeting talks");
        Assert.Contains("一言堂", wangReads, StringComparison.Ordinal);
        Assert.DoesNotContain("开会迟到", wangReads, StringComparison.Ordinal);
        var wangStatus = await rig[Wang].SayAsync("/meeting");
        Assert.DoesNotContain("张主任 → 李委员", wangStatus, StringComparison.Ordinal);
        Assert.Contains("王委员 → 张主任", wangStatus, StringComparison.Ordinal);

        // The pair, the head and the supervisor read it; the secretary (not in the pair) and an outsider do not.
        Assert.Contains("开会迟到", await rig[Li].SayAsync("/meeting talks"), StringComparison.Ordinal);
        Assert.Contains("开会迟到", await rig[Supervisor].SayAsync($"/meeting talks {meeting.Id}"), StringComparison.Ordinal);
        Assert.Contains("一言堂", await rig[Head].SayAsync("/meeting talks"), StringComparison.Ordinal);
        Assert.DoesNotContain("开会迟到", await rig[Secretary].SayAsync("/meeting talks"), StringComparison.Ordinal);
        Assert.Contains("张主任 → 李委员", await rig[Secretary].SayAsync("/meeting"), StringComparison.Ordinal);
        Assert.DoesNotContain("开会迟到", await rig[Outsider].SayAsync($"/meeting talks {meeting.Id}"), StringComparison.Ordinal);
        Assert.Contains("不能查看", await rig[Outsider].SayAsync("/meeting"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_head_checks_and_only_the_secretary_opens_marks_ready_and_records()
    {
        var rig = new LifeMeetingRig();
        Assert.Contains("只有本单位支部书记", await rig[Head].SayAsync("/meeting open"), StringComparison.Ordinal);
        await rig.OpenAsync();
        await rig.CriticiseAsync(Wang, "李委员", "意见");

        Assert.Contains("只有领导班子的一把手", await rig[Li].SayAsync("/meeting check"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await rig[Head].SayAsync("/meeting ready"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await rig[Head].SayAsync("/meeting record"), StringComparison.Ordinal);
        Assert.Contains("还没有标记为可以召开", await rig[Secretary].SayAsync("/meeting record"), StringComparison.Ordinal);
        Assert.Contains("已有正在准备", await rig[Secretary].SayAsync("/meeting open"), StringComparison.Ordinal);
        Assert.Contains("不在正在准备", await rig[Outsider].SayAsync("/criticise"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talks_are_written_and_decided_only_in_the_meeting_a_registered_team_member_is_preparing()
    {
        var rig = new LifeMeetingRig();
        var people = new LifeMeetingPeople(rig.Store, rig.Members, rig.Campaign);
        Assert.Equal(LifeMeetingTexts.NotInTeam, (await people.PreparingMeetingOfAsync(rig[Li].Member, CancellationToken.None)).Refusal);

        var meeting = await rig.OpenAsync();

        Assert.Equal(meeting.Id, (await people.PreparingMeetingOfAsync(rig[Li].Member, CancellationToken.None)).Value?.Id);
        Assert.Equal(LifeMeetingTexts.NotInTeam, (await people.PreparingMeetingOfAsync(rig[Outsider].Member, CancellationToken.None)).Refusal);
        Assert.Equal(LifeMeetingTexts.NotRegistered, (await people.PreparingMeetingOfAsync(null, CancellationToken.None)).Refusal);
        Assert.Contains("不在正在准备", await rig[Outsider].SayAsync("/meeting confirm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decision_on_a_text_that_changed_meanwhile_is_refused_and_nothing_is_approved()
    {
        var rig = new LifeMeetingRig();
        var meeting = await rig.OpenAsync();
        await rig.CriticiseAsync(Li, "王委员", "第一稿");
        var head = rig[Head];
        await head.SayAsync("/meeting check", "1");

        // The author changes the text while the head is reading the first one.
        await rig.CriticiseAsync(Li, "王委员", "第二稿");
        var said = await head.PressAsync("可以");

        Assert.Contains("刚刚被修改过", said, StringComparison.Ordinal);
        var talk = await rig.TalkAsync(meeting, Li, Wang);
        Assert.Equal(TalkStatus.AwaitingCheck, talk!.Status);
        Assert.Equal(["第二稿"], talk.Points);
    }

    [Fact]
    public async Task Bad_input_gets_a_clear_reply_and_changes_nothing()
    {
        var rig = new LifeMeetingRig();
        var meeting = await rig.OpenAsync();
        var li = rig[Li];
        var prompt = await li.SayAsync("/criticise");
        Assert.Contains("请点击", await li.SayAsync("99"), StringComparison.Ordinal);
        await PickAsync(li, prompt, "王委员");

        Assert.Contains("太长", await li.SayAsync(new string('长', 201)), StringComparison.Ordinal);
        Assert.Contains("最多 10 条", await li.SayAsync(string.Join("\n", Enumerable.Range(1, 11).Select(i => $"第{i}条"))), StringComparison.Ordinal);
        Assert.Equal(TalkStatus.NotWritten, (await rig.TalkAsync(meeting, Li, Wang))!.Status);

        Assert.Equal(1, CriticiseFlow.ReadPoints("- 一条\n\n• 两条\n").Value!.Count - 1);
        Assert.False(CriticiseFlow.ReadPoints("   \n  ").IsAccepted);
        Assert.False(MeetingOpenFlow.ReadTeam("1 1", ["a\tA", "b\tB"]).IsAccepted);
        Assert.False(MeetingOpenFlow.ReadTeam("1", ["a\tA", "b\tB"]).IsAccepted);
        Assert.False(MeetingOpenFlow.ReadTeam("1 x", ["a\tA", "b\tB"]).IsAccepted);
        Assert.Equal(["b", "a"], MeetingOpenFlow.ReadTeam("2，1", ["a\tA", "b\tB"]).Value);
        Assert.False(MeetingRecordFlow.ReadSpeech("30", "m").IsAccepted);
        Assert.False(MeetingRecordFlow.ReadSpeech("300 2", "m").IsAccepted);
        Assert.Equal(new MeetingSpeech("m", 30, 3), MeetingRecordFlow.ReadSpeech("30 3", "m").Value);
        Assert.False(MeetingRecordFlow.ReadDate("2027-13-01", new DateOnly(2027, 3, 1), new DateOnly(2027, 1, 1), new DateOnly(2027, 9, 30)).IsAccepted);
        Assert.False(MeetingRecordFlow.ReadDate("2027-03-02", new DateOnly(2027, 3, 1), new DateOnly(2027, 1, 1), new DateOnly(2027, 9, 30)).IsAccepted);
        Assert.False(MeetingRecordFlow.ReadAbsent("1 2 3", ["a", "b", "c"]).IsAccepted);
        Assert.False(TalkDecisionFlow.ReadReason(new string('x', 10_000)).IsAccepted);
    }

    [Fact]
    public async Task Saving_the_record_opens_the_satisfaction_round_once_with_the_campaigns_stage_and_audience()
    {
        var rig = new LifeMeetingRig();
        var meeting = await rig.OpenAsync();
        foreach (var talk in await rig.Store.ListTalksAsync(meeting.Id, CancellationToken.None))
        {
            await rig.Store.SaveTalkAsync(talk with { Points = ["意见"], Status = TalkStatus.Confirmed, FromConfirmed = true, ToConfirmed = true }, CancellationToken.None);
        }

        var secretary = rig[Secretary];
        await secretary.SayAsync("/meeting ready");
        var today = new Campaign.CampaignCalendar(rig.Campaign).Today(secretary.Time.GetUtcNow());
        await secretary.SayAsync("/meeting record", LifeMeetingTexts.Date(today));
        var asked = await secretary.PressAsync("督导组到会");
        Assert.True(secretary.Buttons.Any(b => b.Label == "全部到会"), asked);
        await secretary.PressAsync("全部到会");
        Assert.Contains("约 30 分钟", secretary.Last!.Replies.OfType<TextMessage>().Last().Text, StringComparison.Ordinal);
        await secretary.SayAsync("32 2", "21 2");
        Assert.Contains("请写两个数", await secretary.SayAsync("二十"), StringComparison.Ordinal);
        await secretary.SayAsync("10 2");
        var summary = await secretary.PressAsync("无");
        Assert.Contains("王委员：10 分钟，批评意见 2 条（少于约定时长）", summary, StringComparison.Ordinal);
        Assert.Contains("3 / 3 人", summary, StringComparison.Ordinal);
        var saved = await secretary.PressAsync("保存");

        Assert.Contains("满意度测评已自动开启", saved, StringComparison.Ordinal);
        var opened = Assert.Single(rig.Rounds.Opened);
        Assert.Equal((ExaminationCampaign.Village, "meeting_satisfaction", RoundAudience.Roster, 48, IdOf(Secretary)), opened);
        var stored = await rig.Store.GetAsync(meeting.Id, CancellationToken.None);
        Assert.Equal(MeetingStatus.Recorded, stored!.Status);
        Assert.Equal("abcd0123", stored.SatisfactionRoundId);
        Assert.Equal([32, 21, 10], stored.Record!.Speeches.Select(s => s.Minutes));
        Assert.True(stored.Record.SupervisorPresent);
        Assert.Contains(secretary.Last!.Notifications, n => n.Chat.Id == Supervisor && ((TextMessage)n.Message).Text.Contains($"/meeting review {meeting.Id}", StringComparison.Ordinal));

        // A corrected record opens no second round; the supervisor reviews, a member may not.
        await secretary.SayAsync("/meeting record", LifeMeetingTexts.Date(today));
        await secretary.PressAsync("督导组到会");
        await secretary.PressAsync("全部到会");
        await secretary.SayAsync("30 2", "20 2", "20 2");
        await secretary.PressAsync("无");
        await secretary.PressAsync("保存");
        Assert.Single(rig.Rounds.Opened);
        Assert.Contains("只有该单位的督导组", await rig[Head].SayAsync($"/meeting review {meeting.Id} 很好"), StringComparison.Ordinal);
        Assert.Contains("已审阅", await rig[Supervisor].SayAsync($"/meeting review {meeting.Id} 会议质量较高"), StringComparison.Ordinal);
        Assert.Equal(MeetingStatus.Reviewed, (await rig.Store.GetAsync(meeting.Id, CancellationToken.None))!.Status);
    }
}
