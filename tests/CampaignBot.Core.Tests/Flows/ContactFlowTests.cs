using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Contacts;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Registration;
using CampaignBot.Core.Messaging;
using CampaignBot.Core.Scheduling;
using CampaignBot.Core.Storage;
using Microsoft.Extensions.Options;

namespace CampaignBot.Core.Tests.Flows;

/// <summary>Contact points over the flow harness: the visit flow, reading a unit read-only, setting contact points, reviewing, the weekly job.</summary>
public sealed class ContactFlowTests
{
    private const string Village = ExaminationCampaign.Village;

    private static readonly ChecklistDefinition Leadership = new(
        "leadership", "领导班子对照检查", [], null, Roles.Supervisor,
        [new ChecklistItem("formalism", "四风", "形式主义：会议多、文件多？", ChecklistAnswerKind.Both, true), new ChecklistItem("measures", "整改", "下一步整改措施", ChecklistAnswerKind.Text, true)]);

    private readonly InMemoryMemberStore _members = new();
    private readonly InMemoryExaminationStore _examinations = new();
    private readonly InMemoryDocumentTable _visitRows = new();
    private readonly DocumentContactStore _contacts;
    private readonly DocumentLedgerStore _ledger = new(new InMemoryDocumentTable(), new InMemoryDocumentTable());
    private readonly Member _leader = ExaminationCampaign.Person("7", "王县长") with { UnitId = "county_east", Rank = "county" };
    private readonly Member _head = ExaminationCampaign.Person("1", "张书记") with { Rank = "county" };
    private readonly Member _other = ExaminationCampaign.Person("2", "李四");
    private readonly Member _office = ExaminationCampaign.Person("5", "活动办", Roles.CampaignOffice) with { UnitId = "county_east" };

    public ContactFlowTests()
    {
        _contacts = new DocumentContactStore(new InMemoryDocumentTable(), _visitRows);
        foreach (var member in new[] { _leader, _head, _other, _office })
        {
            _members.UpsertAsync(member, CancellationToken.None).GetAwaiter().GetResult();
        }
    }

    private static CampaignDefinition Campaign(bool reviews = true, bool withLeader = true) => ExaminationCampaign.Create() with
    {
        Checklists = [Leadership, ExaminationCampaign.Checklist],
        Contacts = new ContactSettings
        {
            ReviewsExaminations = reviews,
            DepartmentKinds = ["county"],
            GrassrootsKinds = ["village"],
            VillageKinds = ["village"],
            Leaders = withLeader ? [new ContactAssignment("test:7", "王县长", ContactLevel.County, [Village])] : [],
        },
    };

    private FlowHarness Chat(Member member, CampaignDefinition? campaign = null, string? languageCode = null)
    {
        campaign ??= Campaign();
        var directory = new ContactDirectory(_contacts, campaign);
        var view = new ContactUnitView(_members, _examinations, _ledger, _contacts, campaign);
        var visit = new ContactVisitFlow(directory, _contacts, new CampaignCalendar(campaign));
        var reviewers = new ExaminationReviewers(_members, campaign, [new ContactReviewers(directory, campaign)]);
        return new FlowHarness(
            [visit, new ReviewFlow(_examinations, reviewers, _members, InMemoryLedgerStore.Service(_ledger, _members, campaign))],
            [new ContactCommand(directory, view, _contacts, _members, campaign, visit)],
            campaign,
            member.UserId,
            languageCode)
        {
            Member = member,
        };
    }

    [Fact]
    public async Task A_contact_leader_logs_a_visit_with_its_day_and_what_was_done_and_it_is_stored_once()
    {
        var chat = Chat(_leader);

        await chat.SayAsync("/contact visit");
        var units = chat.Buttons.Select(b => b.Label).ToList();
        await chat.PressAsync("东关村");
        await chat.SayAsync("1月18日", "座谈了解查摆问题情况，督促建立整改台帐");
        var preview = chat.Last!.Replies.OfType<TextMessage>().Last().Text;
        var saved = await chat.PressAsync("保存");

        Assert.Equal(["东关村"], units);
        Assert.Contains("日期：2027-01-18", preview, StringComparison.Ordinal);
        Assert.Equal("已记录对东关村的联系走访。", saved);
        var visit = Assert.Single(await _contacts.ListVisitsAsync(Village, CancellationToken.None));
        Assert.Equal(("test:7", "王县长", new DateOnly(2027, 1, 18), "座谈了解查摆问题情况，督促建立整改台帐"), (visit.LeaderId, visit.LeaderName, visit.Date, visit.What));
        Assert.Null(chat.Session.Flow);
    }

    [Theory]
    [InlineData("1.15", "2027-01-15")]
    [InlineData("1/15", "2027-01-15")]
    [InlineData("2027年1月15日", "2027-01-15")]
    [InlineData("1月15号", "2027-01-15")]
    [InlineData("前天", "2027-01-18")]
    [InlineData("yesterday", "2027-01-19")]
    public void A_visit_day_is_read_as_the_study_steps_read_a_day(string typed, string day)
    {
        var read = ContactVisitFlow.ReadDate(typed, new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 1));

        Assert.True(read.IsAccepted);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), read.Value);
    }

    [Fact]
    public void A_month_and_day_still_to_come_this_year_is_last_years_and_an_empty_answer_is_no_day()
    {
        Assert.False(ContactVisitFlow.ReadDate("12月30日", new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 1)).IsAccepted);
        Assert.False(ContactVisitFlow.ReadDate("  ", new DateOnly(2027, 1, 20), new DateOnly(2027, 1, 1)).IsAccepted);
    }

    [Fact]
    public async Task A_wrong_date_a_future_date_a_day_before_the_campaign_and_a_too_short_text_are_refused_and_asked_again()
    {
        var chat = Chat(_leader);
        await chat.SayAsync("/contact visit");
        await chat.PressAsync("东关村");

        var nonsense = await chat.SayAsync("下个月");
        var future = await chat.SayAsync("2027-02-01");
        var before = await chat.SayAsync("2026-12-31");
        await chat.PressAsync("今天");
        var tooShort = await chat.SayAsync("看看");
        var long10k = await chat.SayAsync(new string('很', 10_000));

        Assert.StartsWith("没看懂这个日期", nonsense, StringComparison.Ordinal);
        Assert.StartsWith("走访日期不能晚于今天。", future, StringComparison.Ordinal);
        Assert.StartsWith("走访日期不能早于活动开始（2027-01-01）。", before, StringComparison.Ordinal);
        Assert.StartsWith("请写 5–500 字（现在 2 字）。", tooShort, StringComparison.Ordinal);
        Assert.DoesNotContain("请确认", long10k, StringComparison.Ordinal);
        Assert.Equal("AskingWhat", chat.Session.State);
        Assert.Equal(0, _visitRows.Count);
    }

    [Fact]
    public async Task Change_at_the_preview_goes_back_to_what_was_done_and_back_from_the_day_to_the_unit()
    {
        var chat = Chat(_leader);
        await chat.SayAsync("/contact visit");
        await chat.PressAsync("东关村");
        await chat.SayAsync("/back");
        Assert.Equal("ChoosingUnit", chat.Session.State);
        await chat.PressAsync("东关村");
        await chat.PressAsync("昨天");
        await chat.SayAsync("指导对照检查材料");

        await chat.PressAsync("修改");
        Assert.Equal("AskingWhat", chat.Session.State);
        await chat.SayAsync("指导修改对照检查材料");
        await chat.PressAsync("保存");

        Assert.Equal(("指导修改对照检查材料", new DateOnly(2027, 1, 19)), (await _contacts.ListVisitsAsync(null, CancellationToken.None)) is [var v] ? (v.What, v.Date) : default);
    }

    [Fact]
    public async Task Cancel_and_timeout_record_nothing()
    {
        var cancelled = Chat(_leader);
        await cancelled.SayAsync("/contact visit");
        await cancelled.PressAsync("东关村");
        var cancel = await cancelled.SayAsync("/cancel");
        var timedOut = Chat(_leader);
        await timedOut.SayAsync("/contact visit");
        var timeout = await timedOut.TimeoutAsync();

        Assert.Contains("已取消，走访没有记录。", cancel, StringComparison.Ordinal);
        Assert.Contains("很久没有回复", timeout, StringComparison.Ordinal);
        Assert.Equal(0, _visitRows.Count);
    }

    [Fact]
    public async Task A_member_who_is_not_a_contact_leader_cannot_log_a_visit_or_read_the_unit()
    {
        var chat = Chat(_other);

        var visit = await chat.SayAsync("/contact visit");
        var exams = await chat.SayAsync($"/contact exams {Village}");
        var exam = await chat.SayAsync($"/contact exam {Village} 1");
        var ledger = await chat.SayAsync($"/contact ledger {Village}");
        var set = await chat.SayAsync($"/contact set test:2 county {Village}");

        Assert.Equal("你目前没有联系点。联系点由活动办设置。", visit);
        Assert.Equal("这不是你的联系点，不能查看。", exams);
        Assert.Equal("这不是你的联系点，不能查看。", exam);
        Assert.Equal("这不是你的联系点，不能查看。", ledger);
        Assert.Equal("只有活动办可以设置联系点。", set);
        Assert.Null(chat.Session.Flow);
    }

    [Fact]
    public async Task A_contact_leader_reads_the_units_examinations_and_ledger_and_nothing_changes()
    {
        var exam = ExaminationCampaign.Submitted(_head) with { ChecklistCode = Leadership.Code };
        await _examinations.SaveAsync(exam, CancellationToken.None);
        await _ledger.SaveAsync(new LedgerItem
        {
            Id = "L0001", UnitId = Village, Problem = "会议偏多", Category = "formalism", Source = ProblemSource.Examination, Measures = "每月不超过两次",
            LeadLeaderId = _head.Id, LeadLeaderName = _head.Name, Deadline = new DateOnly(2027, 3, 1), CreatedBy = _head.Id, CreatedAt = DateTimeOffset.UnixEpoch,
        }, CancellationToken.None);
        var chat = Chat(_leader);

        var list = await chat.SayAsync($"/contact exams {Village}");
        var one = await chat.SayAsync($"/contact exam {Village} 1");
        var ledger = await chat.SayAsync($"/contact ledger {Village}");
        var wrong = await chat.SayAsync($"/contact exam {Village} 9");
        var unknown = await chat.SayAsync("/contact exams nowhere");

        Assert.Contains("1. 张书记｜领导班子对照检查｜待审核", list, StringComparison.Ordinal);
        Assert.Contains("会议偏多，已经精简。", one, StringComparison.Ordinal);
        Assert.Contains("（只读）", one, StringComparison.Ordinal);
        Assert.Contains("L0001 [未开始] 会议偏多｜每月不超过两次｜张书记｜2027-03-01", ledger, StringComparison.Ordinal);
        Assert.StartsWith("序号应为 1 到 1", wrong, StringComparison.Ordinal);
        Assert.Equal("没有 ID 为“nowhere”的单位。", unknown);
        Assert.Equal(exam, await _examinations.GetAsync(_head.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_contact_leader_reviews_the_heads_leadership_examination_when_the_campaign_says_so()
    {
        await _examinations.SaveAsync(ExaminationCampaign.Submitted(_head) with { ChecklistCode = Leadership.Code }, CancellationToken.None);
        await _examinations.SaveAsync(ExaminationCampaign.Submitted(_other), CancellationToken.None);
        var chat = Chat(_leader);

        await chat.SayAsync("/review");
        var listed = chat.Buttons.Select(b => b.Label).ToList();
        await chat.SayAsync("1");
        var done = await chat.PressAsync("通过");

        Assert.Equal(["1. 张书记（东关村）第 1 版"], listed);
        Assert.Contains("已通过", done, StringComparison.Ordinal);
        Assert.Equal(ExaminationStatus.Accepted, (await _examinations.GetAsync(_head.Id, CancellationToken.None))!.Status);
        Assert.Equal(ExaminationStatus.Submitted, (await _examinations.GetAsync(_other.Id, CancellationToken.None))!.Status);
        Assert.Equal("王县长", Assert.Single(await _examinations.ListReviewsAsync(_head.Id, CancellationToken.None)).ReviewerName);
    }

    [Fact]
    public async Task Without_review_by_contact_leaders_in_the_campaign_a_contact_leader_reviews_nothing()
    {
        await _examinations.SaveAsync(ExaminationCampaign.Submitted(_head) with { ChecklistCode = Leadership.Code }, CancellationToken.None);
        var chat = Chat(_leader, Campaign(reviews: false));

        var reply = await chat.SayAsync("/review");

        Assert.Contains("只有", reply, StringComparison.Ordinal);
        Assert.Null(chat.Session.Flow);
        Assert.Equal(ExaminationStatus.Submitted, (await _examinations.GetAsync(_head.Id, CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task The_office_sets_contact_points_by_the_rules_and_clears_them()
    {
        var chat = Chat(_office, Campaign(withLeader: false));

        var broken = await chat.SayAsync("/contact set test:2 county county_east");
        var badId = await chat.SayAsync($"/contact set 李四 county {Village}");
        var set = await chat.SayAsync($"/contact set test:2 county {Village}");
        var list = await chat.SayAsync("/contact list");
        var leaderChat = Chat(_other, Campaign(withLeader: false));
        var mine = await leaderChat.SayAsync("/contact");
        var cleared = await chat.SayAsync("/contact clear test:2");
        var after = await leaderChat.SayAsync("/contact");

        Assert.StartsWith("县级领导应联系 1 个村或社区，这里是 1 个单位，且不是村或社区。", broken, StringComparison.Ordinal);
        Assert.StartsWith("“李四”不是成员 ID", badId, StringComparison.Ordinal);
        Assert.Equal("已设置：李四（test:2，县级领导）联系 东关村。", set);
        Assert.Contains("· 李四（test:2，县级领导）：东关村", list, StringComparison.Ordinal);
        Assert.Contains("· 东关村（village_dongguan）", mine, StringComparison.Ordinal);
        Assert.Equal("已取消 李四（test:2）的联系点。", cleared);
        Assert.Equal("你目前没有联系点。联系点由活动办设置。", after);
    }

    [Fact]
    public async Task A_change_in_chat_replaces_what_the_campaign_file_says_for_that_leader()
    {
        var campaign = Campaign();
        var office = Chat(_office, campaign);
        await office.SayAsync("/contact clear test:7");

        var leader = await Chat(_leader, campaign).SayAsync("/contact visit");

        Assert.Equal("你目前没有联系点。联系点由活动办设置。", leader);
        Assert.Empty(await new ContactDirectory(_contacts, campaign).AllAsync(CancellationToken.None));
    }

    [Fact]
    public async Task The_visit_flow_speaks_english_to_an_english_client()
    {
        var chat = Chat(_leader, languageCode: "en");

        var start = await chat.SayAsync("/contact visit");
        await chat.PressAsync("东关村");
        var date = await chat.PressAsync("Today");

        Assert.Contains("Which contact point did you visit?", start, StringComparison.Ordinal);
        Assert.Contains("What was done?", date, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_contact_leader_reads_their_units_and_the_weekly_counts_with_english_punctuation_and_plurals()
    {
        var chat = Chat(_leader, languageCode: "en");

        var mine = await chat.SayAsync("/contact");
        var weekly = ContactTexts.WeeklySummary("东关村", Village, "2027-01-25", new ContactUnitCounts(1, 0, 0, 0, 1, 0, 0, 0, 0, null)).English;

        Assert.Contains("· 东关村 (village_dongguan)", mine, StringComparison.Ordinal);
        Assert.DoesNotContain("（", mine, StringComparison.Ordinal);
        Assert.Contains("\n1 member; examinations", weekly, StringComparison.Ordinal);
        Assert.Contains("\nLedger 1 item: 0 done, 0 overdue\n", weekly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_weekly_job_tells_each_contact_leader_about_each_unit_once_a_week_under_keys_of_the_week()
    {
        var campaign = Campaign();
        await _contacts.AddVisitAsync(new ContactVisit("cv-1", "test:7", "王县长", Village, new DateOnly(2027, 1, 12), "座谈", DateTimeOffset.UnixEpoch), CancellationToken.None);
        var directory = new ContactDirectory(_contacts, campaign);
        var job = new ContactWeeklyJob(directory, new ContactUnitView(_members, _examinations, _ledger, _contacts, campaign), _members, new CampaignCalendar(campaign), Options.Create(new ContactOptions()));
        var monday = job.Next(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero))!;

        var first = new JobContext(monday, monday.DueAt);
        await job.HandleAsync(first, CancellationToken.None);
        var again = new JobContext(monday with { DueAt = monday.DueAt.AddHours(3) }, monday.DueAt.AddHours(3));
        await job.HandleAsync(again, CancellationToken.None);
        var nextWeek = new JobContext(monday with { DueAt = monday.DueAt.AddDays(7) }, monday.DueAt.AddDays(7));
        await job.HandleAsync(nextWeek, CancellationToken.None);

        Assert.Equal(new DateTimeOffset(2027, 1, 25, 1, 0, 0, TimeSpan.Zero), monday.DueAt);
        Assert.Equal("cron:0 9 * * MON", monday.Recurrence);
        var message = Assert.Single(first.ToEffects().Messages);
        Assert.Equal("contact-weekly:2027-W04:test:7:village_dongguan", message.Id);
        Assert.Equal("test:7".Split(':')[1], message.Chat.Id);
        Assert.Equal(message.Id, Assert.Single(again.ToEffects().Messages).Id);
        Assert.Equal("contact-weekly:2027-W05:test:7:village_dongguan", Assert.Single(nextWeek.ToEffects().Messages).Id);
        var text = ((TextMessage)message.ReadBody()).Text;
        Assert.StartsWith("【联系点周报】东关村（2027-01-25 起的一周）", text, StringComparison.Ordinal);
        Assert.Contains("你的联系走访：累计 1 次，本周 0 次，最近 2027-01-12", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_with_two_contact_points_gets_one_weekly_message_with_a_section_for_each()
    {
        var shipped = Campaign();
        var campaign = shipped with
        {
            Units = [.. shipped.Units, new("village_xiguan", "西关村", "village", "county_east", new DateOnly(2027, 1, 16))],
            Contacts = shipped.Contacts with { Leaders = [new ContactAssignment("test:7", "王县长", ContactLevel.County, [Village, "village_xiguan"])] },
        };
        var job = new ContactWeeklyJob(new ContactDirectory(_contacts, campaign), new ContactUnitView(_members, _examinations, _ledger, _contacts, campaign), _members, new CampaignCalendar(campaign), Options.Create(new ContactOptions()));
        var monday = job.Next(new DateTimeOffset(2027, 1, 20, 2, 0, 0, TimeSpan.Zero))!;

        var context = new JobContext(monday, monday.DueAt);
        await job.HandleAsync(context, CancellationToken.None);

        var message = Assert.Single(context.ToEffects().Messages);
        Assert.Equal("contact-weekly:2027-W04:test:7:village_dongguan+village_xiguan", message.Id);
        var text = ((TextMessage)message.ReadBody()).Text;
        Assert.StartsWith("【联系点周报】东关村（2027-01-25 起的一周）", text, StringComparison.Ordinal);
        Assert.Contains("\n\n【联系点周报】西关村（2027-01-25 起的一周）", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ContactLevel.City, new[] { "county_east", Village }, 0)]
    [InlineData(ContactLevel.City, new[] { Village, Village }, 1)]
    [InlineData(ContactLevel.City, new[] { Village }, 1)]
    [InlineData(ContactLevel.County, new[] { Village }, 0)]
    [InlineData(ContactLevel.County, new[] { "county_east" }, 1)]
    [InlineData(ContactLevel.County, new[] { Village, "county_east" }, 1)]
    [InlineData(ContactLevel.County, new[] { "nowhere" }, 1)]
    public void The_source_rules_allow_a_department_and_a_grassroots_unit_for_city_leaders_and_one_village_for_county_leaders(ContactLevel level, string[] units, int problems)
    {
        var campaign = Campaign();

        var found = ContactRules.Check(new ContactAssignment("test:9", "某领导", level, units), campaign.Contacts, u => campaign.FindUnit(u)?.Kind);

        Assert.Equal(problems, found.Count);
    }
}
