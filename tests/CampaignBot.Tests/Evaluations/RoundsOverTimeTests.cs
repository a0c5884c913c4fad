using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

/// <summary>群众三评 over days, on the real host and a fake clock: rounds that close while the host is down, two rounds of one unit at once, reminders around the quiet hours.</summary>
public sealed class RoundsOverTimeTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    [Fact]
    public async Task A_turnout_reminder_missed_while_the_host_was_down_is_not_sent_at_night()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        bot.Time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 12, 0, 0, Beijing));

        // Closes at 06:00; its reminder, due at 04:00, is moved to 21:30, before the quiet hours; the host is down from 21:00 to 03:00.
        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 18 roster");
        Assert.Contains(opened, m => m.Chat.Id == "r1");
        await bot.AdvanceAsync(TimeSpan.FromHours(9));
        await bot.RestartAsync();
        var atNight = await bot.AdvanceAsync(TimeSpan.FromHours(6));
        var closed = await bot.AdvanceAsync(TimeSpan.FromHours(3) + TimeSpan.FromMinutes(1));
        var morning = await bot.AdvanceAsync(TimeSpan.FromHours(2)); // 08:01: the result, closed at 06:00, wakes nobody

        Assert.DoesNotContain(atNight.Concat(closed).Concat(morning), m => m.Chat.Id == "r1");
        Assert.DoesNotContain(closed, m => m.Chat.Id == "office1");
        Assert.Contains(morning, m => m.Chat.Id == "office1" && Texts([m]).Contains("需要补课", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_round_asked_to_run_past_the_campaigns_end_closes_with_it_reminds_on_the_last_day_and_nobody_after()
    {
        await using var bot = await StartAsync(start: new DateTimeOffset(2027, 9, 30, 12, 0, 0, Beijing));
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");

        // 24 hours from noon on the last day would close at noon on 1 October: it closes at midnight instead, and its
        // turnout reminder (two hours before, in the quiet hours) comes at 21:30 that evening.
        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 24 roster");
        var round = (await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct)).Single();
        var evening = await bot.AdvanceAsync(TimeSpan.FromHours(9) + TimeSpan.FromMinutes(31));
        var night = await bot.AdvanceAsync(TimeSpan.FromHours(3));
        var after = await bot.AdvanceAsync(TimeSpan.FromDays(1));

        var reply = Texts(opened.Where(m => m.Chat.Id == "office1"));
        Assert.Contains("截止 2027-10-01 00:00", reply, StringComparison.Ordinal);
        Assert.Contains("活动 2027-09-30 结束，本轮随之截止", reply, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2027, 10, 1, 0, 0, 0, Beijing), round.ClosesAt);
        Assert.Contains(opened, m => m.Chat.Id == "r1");
        Assert.Contains(evening, m => m.Chat.Id == "r1");
        Assert.DoesNotContain(night.Concat(after), m => m.Chat.Id == "r1");
        Assert.Equal(RoundStatus.Closed, (await bot.Stores.EvaluationRounds.GetAsync(round.Id, Ct))!.Status);
        Assert.Contains(after, m => m.Chat.Id == "office1");
    }

    [Fact]
    public async Task A_round_that_fits_in_the_campaign_closes_when_asked_and_says_nothing_of_its_end()
    {
        await using var bot = await StartAsync(start: new DateTimeOffset(2027, 9, 30, 9, 0, 0, Beijing));
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");

        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 12 roster");

        var reply = Texts(opened.Where(m => m.Chat.Id == "office1"));
        Assert.Contains("截止 2027-09-30 21:00", reply, StringComparison.Ordinal);
        Assert.DoesNotContain("随之截止", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_the_campaigns_last_day_no_round_opens_and_the_office_is_told_when_it_ended()
    {
        await using var bot = await StartAsync(start: new DateTimeOffset(2027, 10, 1, 9, 0, 0, Beijing));
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        bot.LanguageOf["office2"] = "en";
        await bot.RegisterAsync("office2", Roles.CampaignOffice, unit: "city");

        var refused = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 6 roster");
        var english = await bot.CommandAsync(Private("office2"), "office2", "round", "open county_east style_status 6 code");

        Assert.Contains("活动已于 2027-09-30 结束，不再开启评议", Texts(refused), StringComparison.Ordinal);
        Assert.Contains("The campaign ended on 2027-09-30", Texts(english), StringComparison.Ordinal);
        Assert.DoesNotContain(refused.Concat(english), m => m.Chat.Id == "r1");
        Assert.Empty(await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct));
        Assert.Empty(await bot.AdvanceAsync(TimeSpan.FromDays(1)));
    }

    [Fact]
    public async Task A_member_deactivated_after_a_roster_round_opened_gets_no_turnout_reminder()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        var leaving = await bot.RegisterAsync("r2");
        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 6 roster");
        Assert.Contains(opened, m => m.Chat.Id == "r2");

        await bot.Stores.Members.UpsertAsync(leaving with { DeactivatedAt = bot.Time.GetUtcNow() }, Ct);
        var reminders = await bot.AdvanceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        Assert.Equal(["r1"], reminders.Select(m => m.Chat.Id));
    }

    [Fact]
    public async Task A_round_whose_closing_passed_while_the_host_was_down_closes_once_after_the_restart_and_the_group_hears_it_once()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24");
        await GroupRoundTests.VoteAsync(bot, round, 12, satisfied: 11);

        await bot.RestartAsync();
        var back = await bot.AdvanceAsync(TimeSpan.FromDays(3));
        await bot.RestartAsync();
        var later = await bot.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Single(back, m => m.Chat == Group && m.Id == $"ev:{round}:result");
        Assert.Contains("结论：通过", Texts(back.Where(m => m.Chat == Group)), StringComparison.Ordinal);
        Assert.Single(back, m => m.Chat.Id == "office1");
        Assert.Empty(later);
        var stored = await bot.Stores.EvaluationRounds.GetAsync(round, Ct);
        Assert.Equal((RoundStatus.Closed, 12L), (stored!.Status, stored.Result!.Votes));
    }

    [Fact]
    public async Task Two_rounds_of_one_unit_in_different_stages_run_at_once_and_each_counts_only_its_own_ballots()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var style = await GroupRoundTests.OpenAsync(bot, "county_east style_status 24");
        var problems = await GroupRoundTests.OpenAsync(bot, "county_east problems_found 48");
        await GroupRoundTests.VoteAsync(bot, style, 12, satisfied: 12);
        await GroupRoundTests.VoteAsync(bot, problems, 12, satisfied: 3);

        var first = await bot.AdvanceAsync(TimeSpan.FromHours(25));
        var second = await bot.AdvanceAsync(TimeSpan.FromHours(24));

        Assert.Equal([$"ev:{style}:result"], first.Where(m => m.Chat == Group && m.Id.EndsWith(":result", StringComparison.Ordinal)).Select(m => m.Id));
        Assert.Equal([$"ev:{problems}:result"], second.Where(m => m.Chat == Group && m.Id.EndsWith(":result", StringComparison.Ordinal)).Select(m => m.Id));
        var rounds = (await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct)).ToDictionary(r => r.Id);
        Assert.Equal((12L, true), (rounds[style].Result!.Votes, rounds[style].Result!.Passed));
        Assert.Equal((12L, false), (rounds[problems].Result!.Votes, rounds[problems].Result!.Passed));
    }
}
