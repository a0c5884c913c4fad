using CampaignBot.Core.Features.Bulletins;
using CampaignBot.Core.Features.Pledges;
using CampaignBot.Core.Features.Study;
using CampaignBot.Tests.Configuration;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Scheduling;

/// <summary>
/// The campaign's edges on the real host and a fake clock: what a member's /checkin reports on before the campaign's
/// first month and after its last, the monthly jobs across a year's end (a campaign that runs from October), and the
/// recurring reminders that finish with the campaign.
/// </summary>
public sealed class CampaignEdgesTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly ChatRef M1 = EvaluationBot.Private("m1");

    [Fact]
    public async Task In_the_month_after_the_campaign_a_check_in_reports_on_its_last_month_and_a_month_later_it_is_refused()
    {
        await using var bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2027, 10, 8, 12, 0, 0, Beijing));
        await PublishPledgeAsync(bot, await bot.RegisterAsync("m1", Roles.Member, "county_east"));

        var october = await CheckInAsync(bot);
        Assert.Contains("2027-09 的履约情况已记录", LastThanks, StringComparison.Ordinal);
        Assert.DoesNotContain("本月", LastThanks, StringComparison.Ordinal);
        await bot.AdvanceAsync(TimeSpan.FromDays(30));
        var november = Say(await bot.CommandAsync(M1, "m1", "checkin"));

        Assert.Contains("履约践诺（2027-09）", october, StringComparison.Ordinal);
        Assert.Equal(["2027-09"], (await bot.Stores.Pledges.ListCheckInsAsync("county_east", CancellationToken.None)).Select(c => c.Period));
        Assert.Contains("活动已于 2027-09-30 结束", november, StringComparison.Ordinal);
        Assert.DoesNotContain("履约践诺（", november, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Before_the_campaign_a_check_in_is_refused_and_names_the_first_day()
    {
        await using var bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2026, 12, 10, 12, 0, 0, Beijing));
        await PublishPledgeAsync(bot, await bot.RegisterAsync("m1", Roles.Member, "county_east"));

        var december = Say(await bot.CommandAsync(M1, "m1", "checkin"));
        var named = Say(await bot.CommandAsync(M1, "m1", "checkin", "2026-11"));

        Assert.Contains("活动 2027-01-01 开始", december, StringComparison.Ordinal);
        Assert.DoesNotContain("履约践诺（", december + named, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.Pledges.ListCheckInsAsync("county_east", CancellationToken.None));
    }

    [Fact]
    public async Task On_1_january_the_check_in_is_januarys_the_bulletin_draft_decembers_and_a_late_check_in_of_december_is_filed_under_it()
    {
        var file = CampaignFiles.WriteTemp(System.Text.Encoding.UTF8.GetBytes(CampaignFiles.Edit("  start: 2027-01-01 ", "  start: 2026-10-01 ")));
        try
        {
            await using var bot = await EvaluationBot.StartAsync(new() { ["Campaign:File"] = file }, start: new DateTimeOffset(2026, 12, 1, 12, 0, 0, Beijing));
            await bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
            await PublishPledgeAsync(bot, await bot.RegisterAsync("m1", Roles.Member, "county_east"));
            bot.Time.SetUtcNow(new DateTimeOffset(2026, 12, 31, 12, 0, 0, Beijing));
            await PublishPledgeAsync(bot, await bot.RegisterAsync("m2", Roles.Member, "county_east"));
            foreach (var seeder in bot.Services.GetServices<IHostedService>().OfType<MonthlyJobSeeder>())
            {
                await seeder.StartAsync(CancellationToken.None);
            }

            // m1's check-in comes due on 1 January at 10:00, the bulletin draft that morning; m2 (published on 31 December)
            // reports on December late, on 2 January, by naming it.
            var newYear = await bot.AdvanceAsync(new DateTimeOffset(2027, 1, 1, 12, 0, 0, Beijing) - bot.Time.GetUtcNow());
            await bot.SendAsync(M1, "m1", new TextInput("1"));
            await bot.SendAsync(M1, "m1", new TextInput("跳过"));
            await bot.AdvanceAsync(TimeSpan.FromDays(1));
            var late = Say(await bot.CommandAsync(EvaluationBot.Private("m2"), "m2", "checkin", "2026-12"));
            await bot.SendAsync(EvaluationBot.Private("m2"), "m2", new TextInput("1"));
            await bot.SendAsync(EvaluationBot.Private("m2"), "m2", new TextInput("跳过"));

            Assert.Contains("履约践诺（2027-01）", Say(newYear.Where(m => m.Chat.Id == "m1")), StringComparison.Ordinal);
            Assert.Contains(newYear, m => m.Chat.Id == "office1" && m.Id.StartsWith("bulletin-draft:2026-12:", StringComparison.Ordinal));
            Assert.Contains("履约践诺（2026-12）", late, StringComparison.Ordinal);
            var periods = (await bot.Stores.Pledges.ListCheckInsAsync("county_east", CancellationToken.None)).ToDictionary(c => c.MemberId, c => c.Period);
            Assert.Equal(("2027-01", "2026-12"), (periods["console:m1"], periods["console:m2"]));
        }
        finally
        {
            CampaignFiles.DeleteTemp(file);
        }
    }

    [Fact]
    public async Task The_hourly_reminder_sweep_finishes_on_the_campaigns_last_evening_and_fires_no_more()
    {
        await using var bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2027, 9, 30, 12, 0, 0, Beijing));
        foreach (var seeder in bot.Services.GetServices<IHostedService>().OfType<StudyReminderSchedule>())
        {
            await seeder.StartAsync(CancellationToken.None);
        }

        var jobs = bot.Stores.Jobs;
        var evening = new DateTimeOffset(2027, 9, 30, 20, 0, 0, Beijing);
        var last = new DateTimeOffset(2027, 9, 30, 21, 0, 0, Beijing);
        await bot.AdvanceAsync(evening - bot.Time.GetUtcNow());
        var at20 = await jobs.GetAsync(StudyReminderJobHandler.JobId, CancellationToken.None);

        // 21:00 is the last sweep whose messages would reach people on a campaign day: 22:00 waits for 08:00 on 1 October.
        await bot.AdvanceAsync(TimeSpan.FromHours(1));
        var at21 = await jobs.GetAsync(StudyReminderJobHandler.JobId, CancellationToken.None);
        for (var hour = 0; hour < 36; hour++)
        {
            await bot.AdvanceAsync(TimeSpan.FromHours(1));
        }

        Assert.Equal(last, at20?.DueAt);
        Assert.Null(at21);
        Assert.NotNull((await jobs.GetFiringAsync(StudyReminderJobHandler.JobId, last, CancellationToken.None))?.CompletedAt);
        Assert.Null(await jobs.GetFiringAsync(StudyReminderJobHandler.JobId, last.AddHours(1), CancellationToken.None));
        Assert.Null(await jobs.GetFiringAsync(StudyReminderJobHandler.JobId, new DateTimeOffset(2027, 10, 1, 9, 0, 0, Beijing), CancellationToken.None));
        Assert.Null(await jobs.GetAsync(StudyReminderJobHandler.JobId, CancellationToken.None));
    }

    [Fact]
    public async Task A_monthly_check_in_first_due_after_the_campaign_fires_once_without_asking_and_is_not_moved_on()
    {
        await using var bot = await EvaluationBot.StartAsync(start: new DateTimeOffset(2027, 9, 10, 12, 0, 0, Beijing));
        var member = await bot.RegisterAsync("m1", Roles.Member, "county_east");
        await PublishPledgeAsync(bot, member);
        var job = await bot.Stores.Jobs.GetAsync(PledgeCheckIns.JobIdFor(member.Id), CancellationToken.None);
        Assert.Equal(new DateTimeOffset(2027, 10, 10, 10, 0, 0, Beijing), job?.DueAt);

        var october = await bot.AdvanceAsync(job!.DueAt - bot.Time.GetUtcNow() + TimeSpan.FromMinutes(1));
        var november = await bot.AdvanceAsync(TimeSpan.FromDays(32));

        Assert.DoesNotContain(october.Concat(november), m => m.Chat.Id == "m1");
        Assert.NotNull((await bot.Stores.Jobs.GetFiringAsync(job.Id, job.DueAt, CancellationToken.None))?.CompletedAt);
        Assert.Null(await bot.Stores.Jobs.GetAsync(job.Id, CancellationToken.None));
    }

    private async Task<string> CheckInAsync(EvaluationBot bot)
    {
        var opened = Say(await bot.CommandAsync(M1, "m1", "checkin"));
        await bot.SendAsync(M1, "m1", new TextInput("1"));
        LastThanks = Say(await bot.SendAsync(M1, "m1", new TextInput("跳过")));
        Assert.Contains("已记录", LastThanks, StringComparison.Ordinal);
        return opened;
    }

    /// <summary>What the last <see cref="CheckInAsync"/> was thanked with.</summary>
    private string LastThanks { get; set; } = string.Empty;

    /// <summary>A published pledge and its monthly check-in job, as publishing today makes them.</summary>
    private static async Task PublishPledgeAsync(EvaluationBot bot, Member member)
    {
        var now = bot.Time.GetUtcNow();
        await bot.Stores.Pledges.SaveAsync(
            new Pledge { MemberId = member.Id, MemberName = member.Name, UnitId = member.UnitId, Area = "mass_discipline", Text = "密切联系群众，每周走访两户。", Status = PledgeStatus.Published, UpdatedAt = now, PublishedAt = now },
            CancellationToken.None);
        await bot.Stores.Jobs.UpsertAsync(PledgeCheckIns.JobFor(member, bot.Services.GetRequiredService<CampaignCalendar>(), now), CancellationToken.None);
    }

    private static string Say(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);
}
