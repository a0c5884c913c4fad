using CampaignBot.Core.Features.Inspections;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;

namespace CampaignBot.Core.Tests.Inspections;

/// <summary>/inspect and /handling over the flow harness: the draw, its checks, the checklist walked in chat, the handling list.</summary>
public sealed class InspectionFlowTests
{
    [Fact]
    public async Task The_office_draws_five_active_units_that_the_recorded_seed_reproduces_and_nobody_else_is_told()
    {
        var rig = new InspectionRig();

        var reply = await rig.Chat.SayAsync("/inspect draw");

        var inspection = (await rig.Inspections.ListAsync(CancellationToken.None)).Single();
        Assert.Equal(5, inspection.Units.Count);
        Assert.Equal(InspectionDraw.Draw(inspection.Candidates, inspection.Seed, 5), inspection.Units);
        Assert.DoesNotContain("village_late", inspection.Candidates);
        Assert.Equal(6, inspection.Candidates.Count);
        Assert.Contains(inspection.Seed, reply, StringComparison.Ordinal);
        Assert.Empty(rig.Chat.Last!.Notifications);
        Assert.Empty(rig.Chat.Last.KeyedNotifications);
        Assert.Contains("复核一致", await rig.Chat.SayAsync($"/inspect verify {inspection.Id}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_draw_by_kind_takes_only_units_of_that_kind_and_fewer_than_five_is_refused()
    {
        var rig = new InspectionRig();

        Assert.Contains("不少于 5 个单位", await rig.Chat.SayAsync("/inspect draw 4"), StringComparison.Ordinal);
        Assert.Contains("可抽取的单位只有 3 个", await rig.Chat.SayAsync("/inspect draw county 5"), StringComparison.Ordinal);
        Assert.Contains("没有单位类型“town”", await rig.Chat.SayAsync("/inspect draw town"), StringComparison.Ordinal);
        Assert.Empty(await rig.Inspections.ListAsync(CancellationToken.None));

        rig.Chat.Time.Advance(TimeSpan.FromDays(30));
        await rig.Chat.SayAsync("/inspect draw 县区 村社区 6");
        var inspection = (await rig.Inspections.ListAsync(CancellationToken.None)).Single();
        Assert.Equal(6, inspection.Units.Count);
        Assert.Equal(["county", "village"], inspection.Kinds);
    }

    [Fact]
    public async Task Units_drawn_within_the_configured_weeks_are_left_out_of_the_next_draw()
    {
        var rig = new InspectionRig(excludeWeeks: 4);
        rig.Chat.Time.SetUtcNow(new DateTimeOffset(2027, 3, 5, 2, 0, 0, TimeSpan.Zero));
        await rig.Chat.SayAsync("/inspect draw 5");
        var first = (await rig.Inspections.ListAsync(CancellationToken.None)).Single();

        Assert.Contains("近 4 周已调研的 5 个单位不参加", await rig.Chat.SayAsync("/inspect draw 5"), StringComparison.Ordinal);

        rig.Chat.Time.Advance(TimeSpan.FromDays(29));
        await rig.Chat.SayAsync("/inspect draw 5");
        var second = (await rig.Inspections.ListAsync(CancellationToken.None)).Single(i => i.Id != first.Id);
        Assert.Empty(second.Excluded);
    }

    [Fact]
    public async Task A_member_or_a_secretary_cannot_draw_or_inspect_and_a_supervisor_inspects_but_cannot_draw()
    {
        var member = new InspectionRig("m1", Roles.Member);
        Assert.Contains("只由活动办和督导组", await member.Chat.SayAsync("/inspect draw"), StringComparison.Ordinal);
        var secretary = new InspectionRig("s1", Roles.Secretary);
        Assert.Contains("只由活动办和督导组", await secretary.Chat.SayAsync("/inspect draw 5"), StringComparison.Ordinal);
        Assert.Contains("只由活动办", await secretary.Chat.SayAsync("/handling"), StringComparison.Ordinal);
        var supervisor = new InspectionRig("sup1", Roles.Supervisor);
        Assert.Contains("只有活动办可以抽取", await supervisor.Chat.SayAsync("/inspect draw"), StringComparison.Ordinal);
        Assert.Empty(await member.Inspections.ListAsync(CancellationToken.None));
        Assert.Empty(await supervisor.Inspections.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_inspector_walks_the_checklist_corrects_a_line_and_a_finding_becomes_a_ledger_item_of_source_inspection()
    {
        var rig = new InspectionRig();
        await rig.Members.UpsertAsync(InspectionRig.Person("lead1", Roles.Member, "county_east", "李牵头"), CancellationToken.None);
        var id = InspectionRig.IdIn(await rig.Chat.SayAsync("/inspect draw 6"));

        var opened = await rig.Chat.SayAsync($"/inspect check {id} county_east");
        Assert.Contains("第 1/6 项", opened, StringComparison.Ordinal);
        Assert.Contains("系统数据：", opened, StringComparison.Ordinal);
        await rig.Chat.PressAsync("属实");
        Assert.Contains("第 2/6 项", rig.Chat.Last!.Replies.OfType<TextMessage>().Last().Text, StringComparison.Ordinal);
        await rig.Chat.SayAsync("/back");
        Assert.Contains("第 1/6 项", rig.Chat.Last!.Replies.OfType<TextMessage>().Last().Text, StringComparison.Ordinal);
        await rig.Chat.PressAsync("属实");
        await rig.Chat.SayAsync("实地查看：3 名班子成员集中学习未满 7 天");
        for (var i = 0; i < 4; i++)
        {
            await rig.Chat.PressAsync("属实");
        }

        Assert.Contains("发现的问题", rig.Chat.Last!.Replies.OfType<TextMessage>().Last().Text, StringComparison.Ordinal);
        await rig.Chat.SayAsync("窗口服务推诿扯皮，群众反映办事难");
        await rig.Chat.PressAsync("完成");
        await rig.Chat.PressAsync("立项 1");
        Assert.Contains("格式不对", await rig.Chat.SayAsync("李牵头"), StringComparison.Ordinal);
        Assert.Contains("没有找到牵头领导", await rig.Chat.SayAsync("赵无名 2027-05-31 建立首问负责制"), StringComparison.Ordinal);
        var created = await rig.Chat.SayAsync("李牵头 2027-05-31 建立窗口首问负责制，公开办事流程");
        Assert.Contains("已建立整改台帐 L", created, StringComparison.Ordinal);
        Assert.Contains(rig.Chat.Last!.Notifications, n => n.Chat.Id == "lead1");
        await rig.Chat.PressAsync("继续");
        await rig.Chat.PressAsync("较好");
        var summary = rig.Chat.Last!.Replies.OfType<TextMessage>().Last().Text;
        Assert.Contains("核查：实地查看", summary, StringComparison.Ordinal);
        Assert.Contains("评定：较好", summary, StringComparison.Ordinal);
        Assert.Contains("已提交", await rig.Chat.PressAsync("提交"), StringComparison.Ordinal);

        var checklist = await rig.Inspections.GetChecklistAsync(id, "county_east", CancellationToken.None);
        Assert.NotNull(checklist);
        Assert.Equal(Ratings.Fair, checklist.Rating);
        Assert.Equal(5, checklist.Lines.Count(l => l.Confirmed));
        Assert.Equal("实地查看：3 名班子成员集中学习未满 7 天", checklist.Lines[1].Correction);
        var item = await rig.Ledger.GetAsync(checklist.Findings.Single().LedgerItemId!, CancellationToken.None);
        Assert.Equal(ProblemSource.Inspection, item?.Source);
        Assert.Equal("lead1", item?.LeadLeaderId);
        Assert.Equal("窗口服务推诿扯皮，群众反映办事难", item?.Problem);
        Assert.Null(rig.Chat.Session.Flow);
    }

    [Fact]
    public async Task A_checklist_refuses_a_unit_that_was_not_drawn_and_the_first_line_has_no_back()
    {
        var rig = new InspectionRig();
        var id = InspectionRig.IdIn(await rig.Chat.SayAsync("/inspect draw 5"));
        var inspection = await rig.Inspections.GetAsync(id, CancellationToken.None);
        var notDrawn = rig.Campaign.Units.Select(u => u.Id).First(u => !inspection!.Units.Contains(u));

        Assert.Contains("不在调研", await rig.Chat.SayAsync($"/inspect check {id} {notDrawn}"), StringComparison.Ordinal);
        Assert.Contains("没有这个调研编号", await rig.Chat.SayAsync($"/inspect check INOPE00 {inspection!.Units[0]}"), StringComparison.Ordinal);
        await rig.Chat.SayAsync($"/inspect check {id} {inspection.Units[0]}");
        Assert.Contains("第一项", await rig.Chat.SayAsync("/back"), StringComparison.Ordinal);
        Assert.Contains("内容太短", await rig.Chat.SayAsync("x"), StringComparison.Ordinal);
        Assert.Contains("已退出调研", await rig.Chat.SayAsync("/cancel"), StringComparison.Ordinal);
        Assert.Empty(await rig.Inspections.ListChecklistsAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task A_supervisor_inspects_only_the_drawn_units_it_supervises()
    {
        var office = new InspectionRig();
        var id = InspectionRig.IdIn(await office.Chat.SayAsync("/inspect draw 6"));
        var inspection = (await office.Inspections.GetAsync(id, CancellationToken.None))!;

        // The same stores seen by a supervisor of 东县 (county_east and its villages).
        var supervisor = InspectionRig.Person("sup1", Roles.Supervisor, "county_east");
        office.Chat.Member = supervisor;
        var outside = inspection.Units.First(u => u is "county_west" or "county_north" or "village_c");
        Assert.Contains("不在你督导的范围内", await office.Chat.SayAsync($"/inspect check {id} {outside}"), StringComparison.Ordinal);
        Assert.Contains("第 1/6 项", await office.Chat.SayAsync($"/inspect check {id} county_east"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_unit_failing_a_stage_twice_appears_on_the_handling_list_and_the_decision_shows_in_its_history()
    {
        var rig = new InspectionRig();
        var t = new DateTimeOffset(2027, 2, 1, 2, 0, 0, TimeSpan.Zero);
        rig.Rounds.AddClosed("r0000001", "county_west", "style", passed: false, t);
        rig.Rounds.AddClosed("r0000002", "county_west", "style", passed: false, t.AddDays(5));
        rig.Rounds.AddClosed("r0000003", "county_east", "style", passed: false, t);
        rig.Rounds.AddClosed("r0000004", "county_east", "style", passed: true, t.AddDays(5));

        var list = await rig.Chat.SayAsync("/handling");
        Assert.Contains("待处理 1 件", list, StringComparison.Ordinal);
        Assert.Contains("西县：作风现状评价已 2 次未通过", list, StringComparison.Ordinal);
        Assert.DoesNotContain("东县：", list, StringComparison.Ordinal);
        var code = HandlingCase.CodeFor("stage:county_west:style");
        Assert.Contains(code, list, StringComparison.Ordinal);

        Assert.Contains("处理日期须是", await rig.Chat.SayAsync($"/handling decide {code} 2030-01-01 约谈单位主要负责人"), StringComparison.Ordinal);
        Assert.Contains("没有这个待处理的案件编号", await rig.Chat.SayAsync("/handling decide HZZZZZ 今天 约谈单位主要负责人"), StringComparison.Ordinal);
        Assert.Contains($"已记录案件 {code}", await rig.Chat.SayAsync($"/handling decide {code} 2027-02-09 约谈单位主要负责人，责令限期整改"), StringComparison.Ordinal);
        Assert.Contains("已经作出处理决定", await rig.Chat.SayAsync($"/handling decide {code} 今天 再次处理"), StringComparison.Ordinal);
        Assert.Contains("没有这个待处理的案件编号", await rig.Chat.SayAsync("/handling decide HZZZZZ 2030-01-01 约谈单位主要负责人"), StringComparison.Ordinal);
        Assert.Contains("已经作出处理决定", await rig.Chat.SayAsync($"/handling decide {code} 明年 再次处理"), StringComparison.Ordinal);

        Assert.Contains("待处理 0 件", await rig.Chat.SayAsync("/handling"), StringComparison.Ordinal);
        var history = await rig.Chat.SayAsync("/inspect history county_west");
        Assert.Contains("2027-02-09 组织处理：约谈单位主要负责人，责令限期整改", history, StringComparison.Ordinal);
        var notes = await new HandlingBulletinNotes(rig.Inspections, rig.Campaign).NotesAsync("2027-02", CancellationToken.None);
        Assert.Contains("约谈单位主要负责人", Assert.Single(notes).Office, StringComparison.Ordinal);
        Assert.DoesNotContain("约谈", notes[0].Public, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_reader_reads_a_decided_case_s_reason_in_english_and_an_older_decision_as_before()
    {
        var rig = new InspectionRig();
        var t = new DateTimeOffset(2027, 2, 1, 2, 0, 0, TimeSpan.Zero);
        rig.Rounds.AddClosed("r0000001", "county_west", "style", passed: false, t);
        rig.Rounds.AddClosed("r0000002", "county_west", "style", passed: false, t.AddDays(5));
        var code = HandlingCase.CodeFor("stage:county_west:style");
        Assert.Contains($"已记录案件 {code}", await rig.Chat.SayAsync($"/handling decide {code} 2027-02-09 约谈单位主要负责人"), StringComparison.Ordinal);
        await rig.Inspections.AddDecisionAsync(
            new HandlingDecision
            {
                CaseKey = "ledger:county_east:LOLD001", UnitId = "county_east", Reason = "旧记录的原因", Decision = "通报批评", DecidedOn = new DateOnly(2027, 2, 8),
                RecordedBy = "office1", RecordedAt = t,
            },
            CancellationToken.None);

        var list = await new FlowsInEnglish(rig).SayAsync("/handling");
        var notes = await new HandlingBulletinNotes(rig.Inspections, rig.Campaign).NotesAsync("2027-02", CancellationToken.None);

        Assert.True(list.Contains("failed 2 times", StringComparison.Ordinal), list);
        Assert.DoesNotContain("次未通过", list, StringComparison.Ordinal);
        var decided = notes.Single(n => n.OfficeLine.English.Contains("约谈", StringComparison.Ordinal)).OfficeLine;
        Assert.Contains("failed 2 times", decided.English, StringComparison.Ordinal);
        Assert.DoesNotContain("次未通过", decided.English, StringComparison.Ordinal);
        Assert.Contains("次未通过", decided.Chinese, StringComparison.Ordinal);
        var older = notes.Single(n => n.OfficeLine.Chinese.Contains("通报批评", StringComparison.Ordinal)).OfficeLine;
        Assert.Contains("旧记录的原因", older.Chinese, StringComparison.Ordinal);
        Assert.Contains("旧记录的原因", older.English, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_item_still_open_a_full_step_after_reaching_the_office_is_a_case_and_one_a_day_earlier_is_not()
    {
        var rig = new InspectionRig();
        var now = rig.Chat.Time.GetUtcNow();
        var today = new DateOnly(2027, 2, 10);
        foreach (var (id, days) in new[] { ("LAAAAA1", 10), ("LAAAAA2", 9) })
        {
            await rig.Ledger.SaveAsync(
                new LedgerItem
                {
                    Id = id, UnitId = "village_a", Problem = "村务公开不及时", Category = "other", Source = ProblemSource.Opinion, Measures = "每月公开",
                    LeadLeaderId = "office1", LeadLeaderName = "王调研", Deadline = today.AddDays(-days), Status = LedgerStatus.Overdue, EscalationLevel = 3,
                    CreatedBy = "office1", CreatedAt = now.AddDays(-40),
                },
                CancellationToken.None);
        }

        var cases = await rig.Handling.ListAsync(null, now, CancellationToken.None);

        var found = Assert.Single(cases);
        Assert.Equal("ledger:village_a:LAAAAA1", found.Case.Key);
        Assert.Contains("逾期 10 天", found.Case.Reason.Chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_decided_ledger_case_stays_in_the_decided_list_and_the_history_after_its_item_closes()
    {
        var rig = new InspectionRig();
        var now = rig.Chat.Time.GetUtcNow();
        var item = new LedgerItem
        {
            Id = "LAAAAA1", UnitId = "village_a", Problem = "村务公开不及时", Category = "other", Source = ProblemSource.Opinion, Measures = "每月公开",
            LeadLeaderId = "office1", LeadLeaderName = "王调研", Deadline = new DateOnly(2027, 1, 31), Status = LedgerStatus.Overdue, EscalationLevel = 3,
            CreatedBy = "office1", CreatedAt = now.AddDays(-40),
        };
        await rig.Ledger.SaveAsync(item, CancellationToken.None);
        var code = HandlingCase.CodeFor("ledger:village_a:LAAAAA1");
        var since = (await rig.Handling.ListAsync(null, now, CancellationToken.None)).Single().Case.Since;
        Assert.Contains($"已记录案件 {code}", await rig.Chat.SayAsync($"/handling decide {code} 2027-02-09 通报批评"), StringComparison.Ordinal);

        await rig.Ledger.SaveAsync(item with { Status = LedgerStatus.Done }, CancellationToken.None);
        rig.Chat.Time.Advance(TimeSpan.FromDays(3));

        var (kept, decision) = Assert.Single(await rig.Handling.ListAsync("village_a", rig.Chat.Time.GetUtcNow(), CancellationToken.None));
        Assert.Equal(since, kept.Since);
        Assert.Equal("通报批评", decision?.Decision);
        Assert.Contains("逾期 10 天", kept.Reason.Chinese, StringComparison.Ordinal);
        var list = await rig.Chat.SayAsync("/handling");
        Assert.Contains("待处理 0 件", list, StringComparison.Ordinal);
        Assert.True(list.Contains(code, StringComparison.Ordinal) && list.Contains("组织处理：通报批评", StringComparison.Ordinal), list);
        Assert.Contains("已经作出处理决定", await rig.Chat.SayAsync($"/handling decide {code} 2027-02-10 再次处理"), StringComparison.Ordinal);
        Assert.Contains("2027-02-09 组织处理：通报批评", await rig.Chat.SayAsync("/inspect history village_a"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_draw_words_and_a_long_count_are_refused_and_nothing_is_drawn()
    {
        var rig = new InspectionRig();

        Assert.Contains("没有单位类型", await rig.Chat.SayAsync("/inspect draw 99999"), StringComparison.Ordinal);
        Assert.Contains("用法", await rig.Chat.SayAsync("/inspect frobnicate"), StringComparison.Ordinal);
        Assert.Contains("用法", await rig.Chat.SayAsync("/inspect verify"), StringComparison.Ordinal);
        Assert.Contains("没有这个调研编号", await rig.Chat.SayAsync("/inspect show " + new string('x', 3000)), StringComparison.Ordinal);
        Assert.Contains("记录处理决定：/handling decide", await rig.Chat.SayAsync("/handling decide"), StringComparison.Ordinal);
        Assert.Contains("没有这个待处理的案件编号", await rig.Chat.SayAsync("/handling decide HAAAAA 明天 约谈负责人"), StringComparison.Ordinal);
        Assert.Empty(await rig.Inspections.ListAsync(CancellationToken.None));
    }

    [Fact]
    public async Task English_speakers_get_the_draw_in_English()
    {
        var rig = new InspectionRig();
        var english = new FlowsInEnglish(rig);

        var reply = await english.SayAsync("/inspect draw 5");

        Assert.Contains("Unannounced: the units are not told.", reply, StringComparison.Ordinal);
    }

    /// <summary>The rig's stores through a harness whose user writes in English.</summary>
    private sealed class FlowsInEnglish(InspectionRig rig)
    {
        private readonly Flows.FlowHarness _chat = Build(rig);

        public Task<string> SayAsync(string line) => _chat.SayAsync(line);

        private static Flows.FlowHarness Build(InspectionRig rig)
        {
            var calendar = new Campaign.CampaignCalendar(rig.Campaign);
            var service = new InspectionService(rig.Inspections, rig.Campaign, calendar, Microsoft.Extensions.Options.Options.Create(new InspectionOptions()));
            var publisher = new InspectionBulletinPublisher(rig.Inspections, rig.Members, null!, rig.Campaign, calendar, []);
            var chat = new Flows.FlowHarness([rig.Flow], [new InspectCommand(service, rig.Inspections, rig.Flow, publisher, rig.Handling, rig.Campaign, calendar), new HandlingCommand(rig.Handling, rig.Campaign, calendar)], rig.Campaign, "office1", "en")
            {
                Member = InspectionRig.Person("office1", Roles.CampaignOffice, "county_east") with { LanguageCode = "en" },
            };
            chat.Time.SetUtcNow(rig.Chat.Time.GetUtcNow());
            return chat;
        }
    }
}
