using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>/ledger add and /dispatch as step-by-step forms over the host, on a fake clock.</summary>
public sealed class LedgerAndDispatchFormTests : IAsyncLifetime
{
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task The_ledger_form_asks_problem_category_measures_leader_and_deadline_then_saves_and_tells_the_leader()
    {
        var chat = EvaluationBot.Private("sec1");
        Assert.Contains("三落实", Say(await _bot.CommandAsync(chat, "sec1", "ledger", "add")), StringComparison.Ordinal);
        Assert.Contains("哪一类", await TypeAsync("会议过多，基层负担重"), StringComparison.Ordinal);
        Assert.Contains("整改措施", await TypeAsync("1"), StringComparison.Ordinal);
        var leaderPrompt = await _bot.SendAsync(chat, "sec1", new TextInput("合并会议，每月例会一次"));
        var leaderButton = leaderPrompt.Select(m => m.ReadBody()).OfType<TextMessage>().SelectMany(m => m.Buttons!.SelectMany(r => r)).Single(b => b.Label == "成员lead1");
        Assert.Contains("完成时限", Say(await _bot.PressAsync(chat, "sec1", leaderButton.Payload)), StringComparison.Ordinal);
        Assert.Contains("完成时限须是今天到活动结束", await TypeAsync("2027-10-01"), StringComparison.Ordinal);
        Assert.Contains("请核对", await TypeAsync("2027-05-01"), StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Ledger.ListAsync(null, CancellationToken.None));

        var saved = await _bot.SendAsync(chat, "sec1", new TextInput("1"));

        var item = Assert.Single(await _bot.Stores.Ledger.ListAsync("county_east", CancellationToken.None));
        Assert.Equal(("会议过多，基层负担重", "formalism", "合并会议，每月例会一次", "console:lead1", new DateOnly(2027, 5, 1)), (item.Problem, item.Category, item.Measures, item.LeadLeaderId, item.Deadline));
        Assert.Contains($"已建立整改台帐 {item.Id}", Say(saved), StringComparison.Ordinal);
        Assert.Contains(saved, m => m.Chat.Id == "lead1" && Say([m]).Contains("牵头领导", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_cannot_start_the_ledger_form_and_cancelling_it_saves_nothing()
    {
        Assert.Contains("只有本单位支部书记", Say(await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", "add")), StringComparison.Ordinal);
        await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "ledger", "add");
        await TypeAsync("会议过多");

        Assert.Contains("台帐未保存", Say(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "cancel")), StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Ledger.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_dispatch_form_saves_this_months_answer_and_a_bad_count_is_asked_again()
    {
        var chat = EvaluationBot.Private("sec1");
        Assert.Contains("办实事多少件", Say(await _bot.CommandAsync(chat, "sec1", "dispatch")), StringComparison.Ordinal);
        Assert.Contains("0 到 999", await TypeAsync("很多"), StringComparison.Ordinal);
        Assert.Contains("每行一件", await TypeAsync("2"), StringComparison.Ordinal);
        Assert.Contains("逐项核实", await TypeAsync("修复村道\n安装路灯"), StringComparison.Ordinal);
        Assert.Contains("跳过", await TypeAsync("1"), StringComparison.Ordinal);

        Assert.Contains("办实事 2 件", await TypeAsync("跳过"), StringComparison.Ordinal);

        var report = await _bot.Stores.Bulletins.GetDispatchAsync("county_east", "2027-03", CancellationToken.None);
        Assert.Equal(["修复村道", "安装路灯"], report?.Lines);
        Assert.True(report?.LedgerChecked);
        Assert.Null(report?.Note);
        Assert.Contains("由本单位支部书记报送", Say(await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "dispatch")), StringComparison.Ordinal);
    }

    private async Task<string> TypeAsync(string text) => Say(await _bot.SendAsync(EvaluationBot.Private("sec1"), "sec1", new TextInput(text)));

    private static string Say(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);
}

/// <summary>When the daily ledger job and a group collection's notice go out.</summary>
public sealed class LedgerScheduleTests
{
    [Fact]
    public async Task A_ledger_hour_in_the_quiet_hours_moves_the_daily_run_to_when_they_end()
    {
        await using var bot = await EvaluationBot.StartAsync(new() { ["Ledger:Hour"] = "23" });
        var daily = (Core.Features.Ledger.LedgerDailyJob)bot.Services.GetService(typeof(Core.Features.Ledger.LedgerDailyJob))!;

        var job = daily.Job(bot.Time.GetUtcNow());

        // 2027-03-01 09:00 in Beijing now; 23:00 is quiet (22:00–08:00), so the run is at 08:00 the next morning.
        Assert.Equal(new DateTimeOffset(2027, 3, 2, 0, 0, 0, TimeSpan.Zero), job.DueAt);
        Assert.Equal("cron:0 8 * * *", job.Recurrence);
    }

    [Fact]
    public async Task A_group_collection_opened_in_the_group_posts_the_notice_there_without_a_private_instruction()
    {
        await using var bot = await EvaluationBot.StartAsync();
        await bot.RegisterAsync("sec1", Roles.Secretary, "county_east");

        var sent = await bot.CommandAsync(EvaluationBot.Group, "sec1", "opinions", "open county_east 5 group");

        var notice = Assert.Single(sent);
        Assert.Equal(EvaluationBot.Group.Key, notice.Chat.Key);
        Assert.Contains("【征求意见】东县", EvaluationBot.Texts(sent), StringComparison.Ordinal);
        Assert.Contains("/opinion ", EvaluationBot.Texts(sent), StringComparison.Ordinal);
        Assert.Equal("group", Assert.Single(await bot.Stores.Opinions.ListCollectionsAsync("county_east", CancellationToken.None)).Audience);
    }
}
