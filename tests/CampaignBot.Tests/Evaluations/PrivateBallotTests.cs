using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

public sealed class PrivateBallotTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Roster_round_sends_private_ballots_and_reminds_only_those_who_have_not_voted()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        foreach (var user in new[] { "r1", "r2", "r3" })
        {
            await bot.RegisterAsync(user);
        }

        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 6 roster");
        Assert.Contains("私发选票", Texts(opened), StringComparison.Ordinal);
        var ballots = opened.Where(m => m.Id.Contains(":ballot:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["r1", "r2", "r3"], ballots.Select(m => m.Chat.Id).Order());
        var payload = Assert.IsType<TextMessage>(ballots[0].ReadBody()).Buttons![0][2].Payload;
        var round = payload.Split(':')[1];

        var vote = await bot.PressAsync(Private("r2"), "r2", payload);
        Assert.Contains("投票成功", Notice(vote), StringComparison.Ordinal);
        Assert.Contains("不在本轮评议的名单中", Notice(await bot.PressAsync(Private("stranger"), "stranger", payload)), StringComparison.Ordinal);

        var reminders = await bot.AdvanceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));

        Assert.Equal(["r1", "r3"], reminders.Select(m => m.Chat.Id).Order());
        Assert.All(reminders, m => Assert.Contains("你还没有投票", Texts([m]), StringComparison.Ordinal));
        Assert.DoesNotContain("不满意 1", Texts(reminders), StringComparison.Ordinal);
        var turnout = await bot.Stores.Turnout.ListAsync(round, Ct);
        Assert.Equal([false, true, false], turnout.Select(t => t.Voted));

        var closed = await bot.AdvanceAsync(TimeSpan.FromHours(2));
        var toOffice = Assert.Single(closed, m => m.Chat.Id == "office1");
        Assert.Contains("共 1 票", Texts([toOffice]), StringComparison.Ordinal);
        Assert.Contains("需要补课", Texts([toOffice]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_round_opened_at_night_sends_its_ballots_when_the_quiet_hours_end()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        await bot.AdvanceAsync(TimeSpan.FromHours(14)); // 23:00 in Beijing

        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 12 roster");
        var morning = await bot.AdvanceAsync(TimeSpan.FromHours(9)); // 08:00

        Assert.DoesNotContain(opened, m => m.Chat.Id == "r1");
        Assert.Contains("夜间不打扰，选票于 2027-03-02 08:00 发出", Texts(opened), StringComparison.Ordinal);
        var ballot = Assert.Single(morning, m => m.Chat.Id == "r1");
        Assert.Contains(":ballot:", ballot.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_that_closes_at_night_tells_the_office_in_the_morning_and_whoever_closed_it_at_once()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("office2", Roles.CampaignOffice, unit: "city");
        await bot.RegisterAsync("r1");
        await bot.AdvanceAsync(TimeSpan.FromHours(11)); // 20:00 in Beijing
        await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east meeting_satisfaction 4 roster");
        var late = await bot.CommandAsync(Private("office2"), "office2", "round", "open town_chengguan rectification 24 code");
        var lateRound = Texts(late).Split("已开启评议 ")[1].Split('：')[0];

        var midnight = await bot.AdvanceAsync(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var closedByHand = await bot.CommandAsync(Private("office2"), "office2", "round", $"close {lateRound}");
        var morning = await bot.AdvanceAsync(TimeSpan.FromHours(8));

        Assert.DoesNotContain(midnight, m => m.Id.Contains(":office:", StringComparison.Ordinal));
        Assert.Contains(closedByHand, m => m.Chat.Id == "office2" && m.Id.Contains(":office:", StringComparison.Ordinal));
        Assert.DoesNotContain(closedByHand, m => m.Chat.Id == "office1");
        Assert.Equal(["office1", "office1", "office2"], morning.Where(m => m.Id.Contains(":office:", StringComparison.Ordinal)).Select(m => m.Chat.Id).Order());
    }

    [Fact]
    public async Task An_evaluator_with_the_code_gets_a_private_ballot_and_votes_once()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var opened = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open town_chengguan rectification 24 code"));
        var code = opened.Split("/vote ")[1][..6];

        Assert.Contains("请私聊", Texts(await bot.CommandAsync(Group, "mass1", "vote", code)), StringComparison.Ordinal);
        Assert.Contains("口令不正确", Texts(await bot.CommandAsync(Private("mass1"), "mass1", "vote", "ZZZZZZ")), StringComparison.Ordinal);
        var ballot = Assert.IsType<TextMessage>(Assert.Single(await bot.CommandAsync(Private("mass1"), "mass1", "vote", code.ToLowerInvariant())).ReadBody());
        var payload = ballot.Buttons![0][0].Payload;

        Assert.Contains("投票成功", Notice(await bot.PressAsync(Private("mass1"), "mass1", payload)), StringComparison.Ordinal);
        Assert.Contains("不在本轮评议的名单中", Notice(await bot.PressAsync(Private("mass2"), "mass2", payload)), StringComparison.Ordinal);

        Assert.Equal(1, (await bot.Stores.Ballots.TallyAsync(payload.Split(':')[1], Ct)).Total);
    }

    [Fact]
    public async Task Asking_for_a_ballot_again_after_voting_is_told_you_voted_and_gets_no_ballot()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var opened = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open town_chengguan rectification 24 code"));
        var code = opened.Split("/vote ")[1][..6];
        var ballot = Assert.IsType<TextMessage>(Assert.Single(await bot.CommandAsync(Private("mass1"), "mass1", "vote", code)).ReadBody());
        await bot.PressAsync(Private("mass1"), "mass1", ballot.Buttons![0][0].Payload);

        var again = await bot.CommandAsync(Private("mass1"), "mass1", "vote", code);

        var reply = Assert.Single(again);
        Assert.Contains("你已经在这轮评议中投过票了", Texts(again), StringComparison.Ordinal);
        Assert.Null(Assert.IsType<TextMessage>(reply.ReadBody()).Buttons);
    }

    [Fact]
    public async Task Nothing_stored_next_to_the_voters_chat_names_their_choice()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var opened = Texts(await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east style_status 24 code"));
        var code = opened.Split("/vote ")[1][..6];
        var ballot = Assert.IsType<TextMessage>(Assert.Single(await bot.CommandAsync(Private("mass1"), "mass1", "vote", code)).ReadBody());

        var effects = await bot.PressAsync(Private("mass1"), "mass1", ballot.Buttons![0][2].Payload);
        var session = await bot.Stores.Sessions.GetAsync(new Inbound("x", 0, Private("mass1"), new UserRef("mass1"), new TextInput(""), bot.Time.GetUtcNow()).ConversationKey, Ct);

        Assert.Contains("投票成功", Texts(effects), StringComparison.Ordinal);
        Assert.DoesNotContain("不满意", Texts(effects), StringComparison.Ordinal);
        Assert.DoesNotContain("不满意", session!.PendingEffects!, StringComparison.Ordinal);
        Assert.DoesNotContain("unsatisfied", session.PendingEffects!, StringComparison.Ordinal);
        var inbox = await bot.Stores.Inbox.GetAsync($"console:{bot.LastUpdateId}", Ct);
        Assert.EndsWith(":-", ((ButtonPress)inbox!.ReadUpdate().Content).Payload, StringComparison.Ordinal);
        Assert.DoesNotContain("unsatisfied", inbox.Payload, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ballots_never_hold_the_voters_user_id()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await GroupRoundTests.OpenAsync(bot, "county_east style_status");
        await bot.PressAsync(Group, "998877665544", EvaluationText.Payload(round, "satisfied"));

        var ballot = Assert.Single(await bot.Stores.Ballots.ListAsync(round, Ct));

        Assert.DoesNotContain("998877665544", ballot.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, ballot.CastAt.Minute);
    }

    [Fact]
    public async Task Ballots_cast_hours_apart_carry_the_same_time_so_none_matches_its_press()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice, unit: "city");
        foreach (var user in new[] { "r1", "r2", "r3" })
        {
            await bot.RegisterAsync(user);
        }

        var opened = await bot.CommandAsync(Private("office1"), "office1", "round", "open county_east style_status 12 roster");
        var payload = Assert.IsType<TextMessage>(opened.First(m => m.Id.Contains(":ballot:", StringComparison.Ordinal)).ReadBody()).Buttons![0];
        var round = payload[0].Payload.Split(':')[1];
        var openedAt = bot.Time.GetUtcNow();
        await bot.PressAsync(Private("r1"), "r1", payload[2].Payload);
        await bot.AdvanceAsync(TimeSpan.FromHours(2));
        await bot.PressAsync(Private("r2"), "r2", payload[0].Payload);
        await bot.AdvanceAsync(TimeSpan.FromHours(3));
        await bot.PressAsync(Private("r3"), "r3", payload[0].Payload);

        // The inbox and outbox keep who pressed when (until retention); a ballot's own time would match it with its press.
        var ballots = await bot.Stores.Ballots.ListAsync(round, Ct);
        Assert.Equal(3, ballots.Count);
        Assert.All(ballots, b => Assert.Equal(BallotHasher.Coarse(openedAt), b.CastAt));
    }
}
