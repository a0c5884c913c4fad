using CampaignBot.Core.Features.Evaluations;
using static CampaignBot.Tests.Evaluations.EvaluationBot;

namespace CampaignBot.Tests.Evaluations;

public sealed class GroupRoundTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task A_failing_unit_passes_only_after_its_make_up_round_passes()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);

        var first = await OpenAsync(bot, "county_east style_status 24");
        await VoteAsync(bot, first, 12, satisfied: 6);
        var closing = await bot.CommandAsync(Private("office1"), "office1", "round", $"close {first}");

        Assert.Contains("未通过，需要补课", Texts(closing), StringComparison.Ordinal);
        Assert.Contains(closing, m => m.Id == $"ev:{first}:result" && m.Chat == Group);
        Assert.Equal(StageStanding.NeedsMakeUp, await StandingAsync(bot));

        bot.Time.Advance(TimeSpan.FromDays(3));
        var makeUp = await OpenAsync(bot, "county_east style_status 24", expect: "补课");
        Assert.Equal(StageStanding.InProgress, await StandingAsync(bot));
        await VoteAsync(bot, makeUp, 12, satisfied: 11);
        Assert.Equal(StageStanding.InProgress, await StandingAsync(bot));

        var closed = await bot.AdvanceAsync(TimeSpan.FromHours(25));

        Assert.Contains("结论：通过", Texts(closed), StringComparison.Ordinal);
        Assert.Equal(StageStanding.Passed, await StandingAsync(bot));
        var history = await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct);
        Assert.Equal([false, true], history.Select(r => r.Result!.Passed));
        var results = Texts(await bot.CommandAsync(Private("office1"), "office1", "results"));
        Assert.Contains("作风现状评价：通过，第 2 轮，12 票，满意率 91.7%", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_press_gets_a_notice_and_changes_nothing()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await OpenAsync(bot, "county_east style_status 2");
        var other = new ChatRef("console", "group-west", ChatKind.Group);
        Assert.Contains("投票成功", Notice(await bot.PressAsync(Group, "v1", Payload(round, "satisfied"))), StringComparison.Ordinal);

        Assert.Contains("不允许改票", Notice(await bot.PressAsync(Group, "v1", Payload(round, "unsatisfied"))), StringComparison.Ordinal);
        Assert.Contains("无需重复", Notice(await bot.PressAsync(Group, "v1", Payload(round, "satisfied"))), StringComparison.Ordinal);
        Assert.Contains("不属于本群", Notice(await bot.PressAsync(other, "v2", Payload(round, "satisfied"))), StringComparison.Ordinal);
        Assert.Contains("不存在", Notice(await bot.PressAsync(Group, "v2", Payload("0badbeef", "satisfied"))), StringComparison.Ordinal);
        Assert.Contains("无效", Notice(await bot.PressAsync(Group, "v2", $"ev:{round}:very_happy")), StringComparison.Ordinal);
        Assert.Contains("无效", Notice(await bot.PressAsync(Group, "v2", "ev:../../x:satisfied")), StringComparison.Ordinal);
        Assert.Contains("无效", Notice(await bot.PressAsync(Group, "v2", "ev:" + new string('a', 60))), StringComparison.Ordinal);
        await bot.AdvanceAsync(TimeSpan.FromHours(3));
        Assert.Contains("已经结束", Notice(await bot.PressAsync(Group, "v3", Payload(round, "satisfied"))), StringComparison.Ordinal);

        var tally = await bot.Stores.Ballots.TallyAsync(round, Ct);
        Assert.Equal(1, tally.Total);
        Assert.Equal(1, tally.Count("satisfied"));
    }

    [Fact]
    public async Task Every_group_press_counted_or_refused_leaves_no_choice_in_the_stored_update()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await OpenAsync(bot, "county_east style_status 2");
        var presses = new List<string>();
        foreach (var choice in new[] { "unsatisfied", "satisfied", "unsatisfied" })
        {
            // The first is counted; the second is a refused change; the third repeats the counted choice.
            await bot.PressAsync(Group, "v1", Payload(round, choice));
            presses.Add($"console:{bot.LastUpdateId}");
        }

        foreach (var id in presses)
        {
            var stored = await bot.Stores.Inbox.GetAsync(id, Ct);
            Assert.Equal(Payload(round, "-"), ((ButtonPress)stored!.ReadUpdate().Content).Payload);
            Assert.DoesNotContain("satisfied", stored.Payload, StringComparison.Ordinal);
        }

        Assert.Equal(1, (await bot.Stores.Ballots.TallyAsync(round, Ct)).Count("unsatisfied"));
        Assert.Single(await bot.Stores.Ballots.ListAsync(round, Ct));
    }

    [Fact]
    public async Task A_round_that_allows_changes_counts_the_last_choice_once()
    {
        await using var bot = await StartAsync();
        await bot.RegisterAsync("office1", Roles.CampaignOffice);
        var round = await OpenAsync(bot, "county_east problems_found 24 change tally");

        await bot.PressAsync(Group, "v1", Payload(round, "satisfied"));
        Assert.Contains("已改为新的选择", Notice(await bot.PressAsync(Group, "v1", Payload(round, "unsatisfied"))), StringComparison.Ordinal);
        var live = await bot.AdvanceAsync(TimeSpan.FromSeconds(11));

        var edit = Assert.IsType<EditMessage>(Assert.Single(live).ReadBody());
        Assert.Equal(RoundJobs.BallotMessageId(round), edit.TargetOutboxId);
        Assert.Contains("已投票 1 人：满意 0，基本满意 0，不满意 1", edit.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_office_or_an_allowed_secretary_of_the_unit_may_open_rounds()
    {
        await using var bot = await StartAsync(new() { ["Evaluation:SecretariesMayOpen"] = "true" });
        await bot.RegisterAsync("m1");
        await bot.RegisterAsync("s1", Roles.Secretary);

        Assert.Contains("只有活动办", Texts(await bot.CommandAsync(Group, "m1", "round", "open county_east style_status")), StringComparison.Ordinal);
        Assert.Contains("只能管理本单位", Texts(await bot.CommandAsync(Group, "s1", "round", "open district_west style_status")), StringComparison.Ordinal);
        Assert.Contains("没有这个评议阶段", Texts(await bot.CommandAsync(Group, "s1", "round", "open county_east nine")), StringComparison.Ordinal);
        Assert.Contains("无法识别的选项", Texts(await bot.CommandAsync(Group, "s1", "round", "open county_east 1 9999")), StringComparison.Ordinal);
        Assert.Contains("已开启评议", Texts(await bot.CommandAsync(Group, "s1", "round", "open county_east 1")), StringComparison.Ordinal);
        Assert.Contains("已有进行中的评议", Texts(await bot.CommandAsync(Group, "s1", "round", "open county_east 1")), StringComparison.Ordinal);
        Assert.Contains("只有活动办、督导组和支部书记", Texts(await bot.CommandAsync(Private("m1"), "m1", "results")), StringComparison.Ordinal);
    }

    internal static async Task<string> OpenAsync(EvaluationBot bot, string arguments, string expect = "已开启评议")
    {
        var opened = await bot.CommandAsync(Group, "office1", "round", "open " + arguments);
        Assert.Contains(expect, Texts(opened), StringComparison.Ordinal);
        var ballot = Assert.IsType<TextMessage>(opened.Single(m => m.Id.EndsWith(":ballot", StringComparison.Ordinal)).ReadBody());
        return ballot.Buttons![0][0].Payload.Split(':')[1];
    }

    internal static async Task VoteAsync(EvaluationBot bot, string round, int voters, int satisfied)
    {
        for (var i = 0; i < voters; i++)
        {
            var notice = Notice(await bot.PressAsync(Group, $"{round}-v{i}", Payload(round, i < satisfied ? "satisfied" : "unsatisfied")));
            Assert.Contains("投票成功", notice, StringComparison.Ordinal);
        }
    }

    private static async Task<StageStanding> StandingAsync(EvaluationBot bot) =>
        EvaluationReport.StandingOf(await bot.Stores.EvaluationRounds.ListAsync("county_east", Ct));

    private static string Payload(string round, string choice) => EvaluationText.Payload(round, choice);
}
