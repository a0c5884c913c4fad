using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Contacts;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Pipeline;
using CampaignBot.Core.Scheduling;
using CampaignBot.Storage.Tests.Mongo;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// The campaign's people over its months, on the real host and a fake clock: the scheduled messages they receive
/// (examination and ledger reminders, escalations, the pledge check-in, the contact leaders' weekly summary, the monthly
/// dispatch and bulletin) across downtime, quiet hours, deactivation and the campaign's end. Each person gets one message
/// per event, in the daytime, while they take part and while the campaign runs. Messages are told apart by their outbox
/// ids, which name the event.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed class CampaignMonthsTests(MongoEngineFixture mongo) : IAsyncLifetime
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync() => _bot = await EvaluationBot.StartAsync();

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Deactivated_secretaries_and_office_members_get_no_monthly_dispatch_or_bulletin_draft()
    {
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await DeactivateAsync(await _bot.RegisterAsync("sec2", Roles.Secretary, "district_west"));
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await DeactivateAsync(await _bot.RegisterAsync("office2", Roles.CampaignOffice, "city"));
        await SeedAsync();

        var sent = new List<OutboxMessage>();
        sent.AddRange(await AdvanceToAsync(Local(3, 25, 10)));
        sent.AddRange(await AdvanceToAsync(Local(4, 1, 10)));

        Assert.Single(sent, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Chat.Id == "office1" && m.Id.StartsWith("bulletin-draft:", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Chat.Id is "sec2" or "office2");
    }

    [Fact]
    public async Task A_deactivated_lead_leader_and_deactivated_managers_get_no_ledger_reminders_or_escalations()
    {
        await DeactivateAsync(await _bot.RegisterAsync("lead1", Roles.Member, "county_east"));
        await DeactivateAsync(await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east"));
        await _bot.RegisterAsync("sec2", Roles.Secretary, "county_east");
        await DeactivateAsync(await _bot.RegisterAsync("sup1", Roles.Supervisor, "city"));
        await AddLedgerItemAsync("lead1", new DateOnly(2027, 3, 5));
        await SeedAsync();

        var sent = await DayByDayAsync(20);

        Assert.DoesNotContain(sent, m => m.Chat.Id is "lead1" or "sec1" or "sup1");
        Assert.Single(sent, m => m.Chat.Id == "sec2" && m.Id.StartsWith("ledger-escalate:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task An_item_overdue_for_a_month_tells_its_leader_once_and_each_level_once_though_old_messages_are_pruned(string store)
    {
        if (store == "mongo")
        {
            await _bot.DisposeAsync();
            _bot = await EvaluationBot.StartAsync(new() { ["Mongo:ConnectionString"] = mongo.ConnectionString, ["Mongo:Database"] = mongo.NewDatabaseName() });
        }

        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("sup1", Roles.Supervisor, "city");
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await AddLedgerItemAsync("lead1", new DateOnly(2027, 3, 5));
        await SeedAsync();
        var retention = _bot.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single();

        var sent = new List<OutboxMessage>();
        for (var day = 0; day < 35; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
            await retention.RunOnceAsync(CancellationToken.None);
        }

        Assert.Single(sent, m => m.Id.StartsWith("ledger-overdue:", StringComparison.Ordinal));
        var item = Assert.Single(await _bot.Stores.Ledger.ListAsync("county_east", CancellationToken.None));
        Assert.Equal((LedgerStatus.Overdue, 3), (item.Status, item.EscalationLevel));
        Assert.NotNull(item.OverdueSince);
        Assert.True(item.EscalatedAt > item.OverdueSince);
        foreach (var person in new[] { "sec1", "sup1", "office1" })
        {
            Assert.Single(sent, m => m.Chat.Id == person && m.Id.StartsWith("ledger-escalate:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_firing_that_marked_an_item_overdue_and_crashed_still_tells_its_leader_when_taken_over_days_later()
    {
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await AddLedgerItemAsync("lead1", new DateOnly(2027, 3, 5));
        var daily = _bot.Services.GetRequiredService<LedgerDailyJob>();
        var job = daily.Job(Local(3, 6, 0));
        var marked = job.DueAt.AddMinutes(1);

        // The firing marked the item (and its first escalation), then the host died before its firing record was
        // written; the same firing runs again two days later.
        var item = Assert.Single(await _bot.Stores.Ledger.ListAsync("county_east", CancellationToken.None));
        await _bot.Stores.Ledger.SaveAsync(item with { Status = LedgerStatus.Overdue, OverdueSince = marked, EscalationLevel = 1, EscalatedAt = marked }, CancellationToken.None);
        var takenOver = new JobContext(job, marked.AddDays(2));
        await daily.HandleAsync(takenOver, CancellationToken.None);
        var later = new JobContext(job with { DueAt = job.DueAt.AddDays(3) }, marked.AddDays(3));
        await daily.HandleAsync(later, CancellationToken.None);

        var told = takenOver.ToEffects().Messages.Select(m => m.Id.Split(':')[0]).Order().ToList();
        Assert.Equal(["ledger-escalate", "ledger-overdue"], told);
        Assert.Empty(later.ToEffects().Messages);
    }

    [Fact]
    public async Task With_ledger_reminders_fourteen_days_before_the_lead_leader_is_reminded_once_though_old_messages_are_pruned()
    {
        await _bot.DisposeAsync();
        _bot = await EvaluationBot.StartAsync(new() { ["Ledger:DaysBefore:0"] = "14" });
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await AddLedgerItemAsync("lead1", new DateOnly(2027, 3, 20));
        await SeedAsync();
        var retention = _bot.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single();

        var sent = new List<OutboxMessage>();
        for (var day = 0; day < 18; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
            await retention.RunOnceAsync(CancellationToken.None);
        }

        Assert.Single(sent, m => m.Chat.Id == "lead1" && m.Id.StartsWith("ledger-remind:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Examination_reminders_come_seven_three_and_one_day_before_each_once_though_sent_messages_are_pruned_after_a_day()
    {
        await _bot.DisposeAsync();
        _bot = await EvaluationBot.StartAsync(new() { ["Pipeline:Retention"] = "1.00:00:00" });
        await _bot.RegisterAsync("m1", Roles.Member, "district_west");
        await SeedAsync();
        var retention = _bot.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single();

        var sent = new List<OutboxMessage>();
        for (var day = 0; day < 10; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
            await retention.RunOnceAsync(CancellationToken.None);
        }

        Assert.Equal(["7", "3", "1"], sent.Where(m => m.Id.StartsWith("exam-reminder:", StringComparison.Ordinal)).Select(m => m.Id.Split(':')[^1]));
    }

    [Fact]
    public async Task A_deactivated_member_is_not_asked_for_the_monthly_check_in()
    {
        var member = await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(member);
        await DeactivateAsync(member);

        var sent = await AdvanceToAsync(Local(4, 1, 12));

        Assert.DoesNotContain(sent, m => m.Chat.Id == "m1");
        Assert.Empty(await _bot.Stores.Outbox.ClaimDueAsync("reader", DateTimeOffset.MaxValue.AddDays(-1), TimeSpan.FromSeconds(1), 100, CancellationToken.None));
    }

    [Fact]
    public async Task Examination_and_ledger_reminders_missed_while_the_host_was_down_arrive_at_08_00_not_at_03_00()
    {
        await _bot.RegisterAsync("m1", Roles.Member, "district_west");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await AddLedgerItemAsync("lead1", new DateOnly(2027, 3, 10));
        await SeedAsync();

        var atNight = await AdvanceToAsync(Local(3, 3, 3));
        var morning = await AdvanceToAsync(Local(3, 3, 8));

        Assert.Empty(atNight);
        Assert.Single(morning, m => m.Chat.Id == "m1" && m.Id.StartsWith("exam-reminder:", StringComparison.Ordinal));
        Assert.Single(morning, m => m.Chat.Id == "lead1" && m.Id.StartsWith("ledger-remind:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_monthly_dispatch_and_a_weekly_summary_missed_while_the_host_was_down_arrive_at_08_00_not_at_02_00()
    {
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await ContactLeaderAsync("lead1");
        await SeedAsync();

        var mondayNight = await AdvanceToAsync(Local(3, 9, 2));
        var mondayMorning = await AdvanceToAsync(Local(3, 9, 8));
        var dispatchNight = await AdvanceToAsync(Local(3, 26, 2));
        var dispatchMorning = await AdvanceToAsync(Local(3, 26, 8));

        Assert.DoesNotContain(mondayNight, m => m.Chat.Id == "lead1");
        Assert.Single(mondayMorning, m => m.Chat.Id == "lead1" && m.Id.StartsWith("contact-weekly:", StringComparison.Ordinal));
        Assert.DoesNotContain(dispatchNight, m => m.Chat.Id == "sec1");
        Assert.Single(dispatchMorning, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_in_missed_while_the_host_was_down_is_asked_at_08_00_not_at_02_00()
    {
        var member = await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(member);

        var atNight = await AdvanceToAsync(Local(4, 2, 2));
        var morning = await AdvanceToAsync(Local(4, 2, 8));
        var later = await AdvanceToAsync(Local(4, 2, 12));

        Assert.DoesNotContain(atNight, m => m.Chat.Id == "m1");
        Assert.Contains("履约践诺（2027-04）", EvaluationBot.Texts(morning.Where(m => m.Chat.Id == "m1")), StringComparison.Ordinal);
        Assert.DoesNotContain(later, m => m.Chat.Id == "m1");
    }

    [Fact]
    public async Task A_member_who_checked_in_for_the_month_already_is_not_asked_again_when_the_monthly_check_in_comes_due()
    {
        _bot.Time.SetUtcNow(Local(3, 20, 12));
        var member = await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(member);

        // Reminded by the secretary on 5 April, the member reports on April before the check-in is due on the 20th.
        await AdvanceToAsync(Local(4, 5, 12));
        await _bot.CommandAsync(EvaluationBot.Private("m1"), "m1", "checkin");
        await _bot.SendAsync(EvaluationBot.Private("m1"), "m1", new TextInput("1"));
        await _bot.SendAsync(EvaluationBot.Private("m1"), "m1", new TextInput("跳过"));
        var april = await AdvanceToAsync(Local(4, 20, 12));
        var may = await AdvanceToAsync(Local(5, 20, 12));

        Assert.Equal("2027-04", Assert.Single(await _bot.Stores.Pledges.ListCheckInsAsync("county_east", CancellationToken.None)).Period);
        Assert.DoesNotContain(april, m => m.Chat.Id == "m1");
        Assert.Contains("履约践诺（2027-05）", EvaluationBot.Texts(may.Where(m => m.Chat.Id == "m1")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secretary_whose_unit_answered_this_months_dispatch_already_is_not_asked_for_it_on_the_25th()
    {
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("sec2", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("sec3", Roles.Secretary, "district_west");
        await SeedAsync();

        await AdvanceToAsync(Local(3, 20, 12));
        var saved = EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "dispatch", "2 | 修复村道；安装路灯 | 是 | 无"));
        var sent = await AdvanceToAsync(Local(3, 25, 12));

        Assert.Contains("2027-03", saved, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.Chat.Id is "sec1" or "sec2" && m.Id.StartsWith("dispatch-ask:", StringComparison.Ordinal));
        Assert.Single(sent, m => m.Chat.Id == "sec3" && m.Id.StartsWith("dispatch-ask:2027-03:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_check_in_due_at_the_end_of_april_and_caught_up_in_may_asks_about_april_and_records_it_for_april()
    {
        _bot.Time.SetUtcNow(Local(3, 31, 12));
        var member = await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(member);

        var back = await AdvanceToAsync(Local(5, 2, 12));
        await _bot.SendAsync(EvaluationBot.Private("m1"), "m1", new TextInput("1"));
        await _bot.SendAsync(EvaluationBot.Private("m1"), "m1", new TextInput("跳过"));

        Assert.Contains("履约践诺（2027-04）", EvaluationBot.Texts(back.Where(m => m.Chat.Id == "m1")), StringComparison.Ordinal);
        var checkIn = Assert.Single(await _bot.Stores.Pledges.ListCheckInsAsync("county_east", CancellationToken.None));
        Assert.Equal("2027-04", checkIn.Period);
        Assert.Equal(Local(5, 31, 10), (await _bot.Stores.Jobs.GetAsync(PledgeCheckIns.JobIdFor(member.Id), CancellationToken.None))!.DueAt);
    }

    [Fact]
    public async Task After_two_months_of_downtime_the_dispatch_and_the_bulletin_come_once_for_the_latest_month()
    {
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await SeedAsync();

        var back = await AdvanceToAsync(Local(5, 26, 10));
        var nextDay = await AdvanceToAsync(Local(5, 27, 10));

        var ask = Assert.Single(back, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:", StringComparison.Ordinal));
        Assert.StartsWith("dispatch-ask:2027-05:", ask.Id, StringComparison.Ordinal);
        var drafts = back.Where(m => m.Chat.Id == "office1" && m.Id.StartsWith("bulletin-draft:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(drafts);
        Assert.All(drafts, d => Assert.StartsWith("bulletin-draft:2027-04:", d.Id, StringComparison.Ordinal));
        Assert.Empty(nextDay);
        Assert.Equal(Local(6, 25, 10), (await _bot.Stores.Jobs.GetAsync(MonthlyJobs.DispatchKind, CancellationToken.None))!.DueAt);
    }

    [Fact]
    public async Task After_three_weeks_of_downtime_a_contact_leader_gets_one_summary_for_this_week()
    {
        await ContactLeaderAsync("lead1");
        await SeedAsync();

        var back = await AdvanceToAsync(Local(3, 24, 10));
        var rest = await DayByDayAsync(4);

        var summary = Assert.Single(back, m => m.Chat.Id == "lead1");
        Assert.StartsWith($"contact-weekly:{ContactWeeklyJob.WeekOf(new DateOnly(2027, 3, 24))}:", summary.Id, StringComparison.Ordinal);
        Assert.DoesNotContain(rest, m => m.Chat.Id == "lead1");
    }

    [Fact]
    public async Task After_the_campaign_ends_only_its_last_months_bulletin_is_sent()
    {
        _bot.Time.SetUtcNow(Local(9, 20, 12));
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await ContactLeaderAsync("lead1");
        var member = await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(member);
        await AddLedgerItemAsync("m1", new DateOnly(2027, 10, 10));
        await SeedAsync();

        var during = await DayByDayAsync(10);
        var after = await DayByDayAsync(40);

        Assert.Contains(during, m => m.Chat.Id == "sec1" && m.Id.StartsWith("dispatch-ask:2027-09:", StringComparison.Ordinal));
        Assert.Contains(during, m => m.Chat.Id == "lead1");
        Assert.Contains(after, m => m.Chat.Id == "office1" && m.Id.StartsWith("bulletin-draft:2027-09:", StringComparison.Ordinal));
        var late = after.Where(m => !m.Id.StartsWith("bulletin-draft:2027-09:", StringComparison.Ordinal)).Select(m => $"{m.Chat.Id} {m.Id}").ToList();
        Assert.Empty(late);
    }

    [Fact]
    public async Task Before_the_campaign_begins_nobody_is_asked_for_a_dispatch_or_sent_a_bulletin_of_a_month_outside_it()
    {
        await _bot.DisposeAsync();
        _bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2026, 12, 20, 12, 0, 0, Beijing));
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await SeedAsync();

        var sent = await DayByDayAsync(44);

        Assert.DoesNotContain(sent, m => m.Id.StartsWith("dispatch-ask:2026-", StringComparison.Ordinal) || m.Id.StartsWith("bulletin-draft:2026-", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Chat.Id == "office1" && m.Id.StartsWith("bulletin-draft:2027-01:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Before_the_campaign_begins_no_weekly_summary_ledger_reminder_or_check_in_is_sent_and_from_its_first_day_they_are()
    {
        await _bot.DisposeAsync();
        _bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2026, 11, 20, 12, 0, 0, Beijing));
        await ContactLeaderAsync("lead1");
        await PublishPledgeAsync(await _bot.RegisterAsync("m1", Roles.Member, "county_east"));
        await AddLedgerItemAsync("m1", new DateOnly(2027, 1, 3));
        await SeedAsync();

        // Mondays' summaries, the check-in due on 20 December, the ledger reminders 7 and 3 days before 3 January.
        var before = await DayByDayAsync(41);
        var after = await DayByDayAsync(10);

        Assert.Empty(before.Select(m => $"{m.Chat.Id} {m.Id}"));
        Assert.Contains(after, m => m.Chat.Id == "lead1" && m.Id.StartsWith("contact-weekly:", StringComparison.Ordinal));
        Assert.Contains(after, m => m.Chat.Id == "m1" && m.Id.StartsWith("ledger-remind:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_summary_and_a_ledger_reminder_caught_up_on_the_last_night_are_not_sent_the_morning_after_the_campaign_ends()
    {
        _bot.Time.SetUtcNow(Local(9, 26, 12));
        await ContactLeaderAsync("lead1");
        await _bot.RegisterAsync("m1", Roles.Member, "county_east");
        await AddLedgerItemAsync("m1", new DateOnly(2027, 9, 30));
        await SeedAsync();

        // Down from the Sunday before the last Monday's summary until 23:30 on the campaign's last day: what the firing
        // would send waits for 08:00, on 1 October.
        var sent = new List<OutboxMessage>(await AdvanceToAsync(Local(9, 30, 23).AddMinutes(30)));
        sent.AddRange(await DayByDayAsync(3));

        Assert.Empty(sent.Where(m => m.Chat.Id is "lead1" or "m1").Select(m => $"{m.Chat.Id} {m.Id} {m.NextAttemptAt:O}"));
    }

    [Fact]
    public async Task In_the_campaigns_first_month_the_office_previews_that_month_and_cannot_publish_one_before_it()
    {
        await _bot.DisposeAsync();
        _bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2027, 1, 10, 12, 0, 0, Beijing));
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");

        var preview = EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin"));
        var before = EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2026-12 publish"));

        Assert.Contains("【2027-01 月通报】", preview, StringComparison.Ordinal);
        Assert.DoesNotContain("2026-12", preview, StringComparison.Ordinal);
        Assert.Contains("2027-01", before, StringComparison.Ordinal);
        Assert.Null(await _bot.Stores.Bulletins.GetPublishedAsync("2026-12", CancellationToken.None));
    }

    private static DateTimeOffset Local(int month, int day, int hour) => new(2027, month, day, hour, 0, 0, Beijing);

    private async Task SeedAsync()
    {
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().Where(s => s is LedgerJobSeeder or MonthlyJobSeeder or ContactWeeklyJobSeeder or ExaminationReminderSeeder))
        {
            await seeder.StartAsync(CancellationToken.None);
        }
    }

    private async Task<IReadOnlyList<OutboxMessage>> AdvanceToAsync(DateTimeOffset when) => await _bot.AdvanceAsync(when - _bot.Time.GetUtcNow());

    private async Task<List<OutboxMessage>> DayByDayAsync(int days)
    {
        var sent = new List<OutboxMessage>();
        for (var day = 0; day < days; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
        }

        return sent;
    }

    private Task DeactivateAsync(Member member) =>
        _bot.Stores.Members.UpsertAsync(member with { DeactivatedAt = _bot.Time.GetUtcNow() }, CancellationToken.None);

    private async Task ContactLeaderAsync(string user)
    {
        var leader = await _bot.RegisterAsync(user, Roles.Member, "county_east");
        await _bot.Stores.Members.UpsertAsync(leader with { Rank = "county" }, CancellationToken.None);
        await _bot.RegisterAsync("contact-office", Roles.CampaignOffice, "city");
        var set = EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private("contact-office"), "contact-office", "contact", $"set {leader.Id} county village_dongguan"));
        Assert.Contains("已设置", set, StringComparison.Ordinal);
    }

    /// <summary>A published pledge and its monthly check-in job, as publishing today makes them.</summary>
    private async Task PublishPledgeAsync(Member member)
    {
        var now = _bot.Time.GetUtcNow();
        await _bot.Stores.Pledges.SaveAsync(
            new Pledge { MemberId = member.Id, MemberName = member.Name, UnitId = member.UnitId, Area = "mass_discipline", Text = "密切联系群众，每周走访两户。", Status = PledgeStatus.Published, UpdatedAt = now, PublishedAt = now },
            CancellationToken.None);
        var calendar = _bot.Services.GetRequiredService<CampaignCalendar>();
        await _bot.Stores.Jobs.UpsertAsync(PledgeCheckIns.JobFor(member, calendar, now), CancellationToken.None);
    }

    private async Task AddLedgerItemAsync(string leadUser, DateOnly deadline)
    {
        var item = new LedgerItem
        {
            Id = "L" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant(),
            UnitId = "county_east",
            Problem = "窗口办事推诿扯皮，群众跑了好几趟才办成。",
            Category = "bureaucratism",
            Source = ProblemSource.Supervisor,
            Measures = "实行首问负责制，公开办事流程。",
            LeadLeaderId = Member.IdFor("console", leadUser),
            LeadLeaderName = "成员" + leadUser,
            Deadline = deadline,
            CreatedBy = "console:office",
            CreatedAt = _bot.Time.GetUtcNow(),
        };
        await _bot.Stores.Ledger.SaveAsync(item, CancellationToken.None);
    }
}
