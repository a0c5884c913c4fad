using System.Globalization;
using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Dashboard;
using CampaignBot.Core.Features.Inspections;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// One village's campaign through the real host on a fake clock, then the same facts read back from every report that
/// shows them: /progress, /todo, the inspection checklist, the dashboard's numbers and the monthly bulletin must agree.
/// The village has eight members of its own (one deactivated after publishing two pledges) and hosts a mobile member
/// (流动党员) whose home is the township.
/// </summary>
public sealed partial class ReadBackWalkTests : IDisposable
{
    private const string Village = "village_dongguan";
    private static readonly ChatRef Group = new("console", "-908", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_mobile_members_examination_and_pledge_filed_at_home_count_in_the_host_units_progress_todo_and_checklist()
    {
        await using var chat = await CampaignAsync();

        var progress = await chat.SayAsync("40", "/progress");
        var todo = await chat.SayAsync("40", "/todo");
        var facts = await FactsAsync(chat, Village);

        Assert.Contains("已提交待审核 2 人：李三、流动吴", progress, StringComparison.Ordinal);
        Assert.Contains("未开始 5 人：村书记、赵四、Smith、钱六、孙七", progress, StringComparison.Ordinal);
        Assert.Contains("对照检查未开始（5）：村书记、赵四、Smith、钱六、孙七", todo, StringComparison.Ordinal);
        Assert.Contains("未作公开承诺（5）：村书记、李三、Smith、钱六、孙七", todo, StringComparison.Ordinal);
        Assert.Equal("已通过 1/9，待审核 2，退回修改 1", facts[InspectionFacts.Examinations]);
    }

    [Fact]
    public async Task A_deactivated_members_pledge_leaves_the_units_progress_and_checklist()
    {
        await using var chat = await CampaignAsync();

        var progress = await chat.SayAsync("40", "/progress");
        var facts = await FactsAsync(chat, Village);

        // 张一, 王二, 赵四 and the mobile member 流动吴, one each; not 周八's two, deactivated.
        Assert.Contains("公开承诺：4 人发布 4 条", progress, StringComparison.Ordinal);
        Assert.StartsWith("已公开承诺 4 条（4 人）", facts[InspectionFacts.Pledges], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_counts_the_village_as_progress_does_without_the_deactivated_member_and_with_the_mobile_one()
    {
        await using var chat = await CampaignAsync();

        var office = await chat.SayAsync("1", "/progress");
        var overview = chat.Services.GetRequiredService<DashboardOverview>();
        var all = new DashboardScope(true, new HashSet<string>(StringComparer.Ordinal));
        var village = (await overview.UnitsAsync(all, CancellationToken.None)).Single(s => s.Unit.Id == Village);
        var page = await overview.UnitAsync(all, Village, CancellationToken.None);

        Assert.Contains("· 城关镇东关村：已交 3/9，退回 1", office, StringComparison.Ordinal);
        Assert.Equal((9, 1, 2, 1, 4), (village.Members, village.Examinations.Accepted, village.Examinations.Submitted, village.Examinations.Returned, village.Pledgers));
        Assert.Equal(5, village.Examinations.NotStarted);
        Assert.Equal(2, village.StudyDone);
        Assert.Equal(page!.Standing, village);
        Assert.DoesNotContain(page.Members, m => m.Member.Name == "周八");
        Assert.Equal(Assert.Single(page.Members, m => m.Member.Name == "流动吴").Examination?.Status, Core.Features.Examinations.ExaminationStatus.Submitted);
    }

    [Fact]
    public async Task The_monthly_bulletin_counts_the_village_as_progress_does()
    {
        await using var chat = await CampaignAsync();

        var bulletin = await chat.SayAsync("1", "/bulletin 2027-01 preview");
        var cli = await _bot.RunCliAsync("bulletin", "--month", "2027-01");

        // Nine members take part (the mobile one, not the deactivated one); 王二 and 流动吴 reached the study minimum.
        Assert.Matches(@"城关镇东关村 \d+%｜学习 22%｜对照检查通过 1/9｜", bulletin);
        Assert.Matches(@"东县城关镇 \d+%｜学习 0%｜对照检查通过 0/0｜", bulletin);
        Assert.Contains(Line(bulletin, "城关镇东关村"), cli.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ledger_item_made_early_on_the_first_of_the_month_in_beijing_is_not_in_last_months_bulletin()
    {
        await using var chat = await CampaignAsync();
        var opinion = (await chat.Stores.Opinions.ListAsync(Village, CancellationToken.None)).Single(o => o.Status == Core.Features.Opinions.OpinionStatus.Pending);

        chat.Time.SetUtcNow(new DateTimeOffset(2027, 2, 1, 7, 30, 0, TimeSpan.FromHours(8)));
        Assert.Contains("已建立整改台帐", await chat.SayAsync("40", $"/opinions accept {opinion.Id} 赵四 2027-03-10 公开办事流程和时限"), StringComparison.Ordinal);
        var january = await chat.SayAsync("1", "/bulletin 2027-01 preview");
        var february = await chat.SayAsync("1", "/bulletin 2027-02 preview");

        Assert.Contains("｜整改 1/2（逾期 1）｜", Line(january, "城关镇东关村"), StringComparison.Ordinal);
        Assert.Contains("｜整改 1/3（逾期 1）｜", Line(february, "城关镇东关村"), StringComparison.Ordinal);
    }

    /// <summary>
    /// The village's campaign up to 2027-01-31 10:00: study by some, examinations submitted, returned and accepted, pledges,
    /// a member deactivated, three opinions (two adopted into the ledger: one done and confirmed, one overdue and escalated
    /// to the office), a failed 作风现状评价 and its make-up round that passed.
    /// </summary>
    private async Task<CampaignChat> CampaignAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?>
        {
            ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789",
            ["Opinions:Secret"] = "test-opinion-secret-0123456789",
        });
        foreach (var seeder in chat.Services.GetServices<IHostedService>().Where(s => s is Core.Features.Ledger.LedgerJobSeeder))
        {
            await seeder.StartAsync(CancellationToken.None);
        }

        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        string[] names = ["张一", "王二", "李三", "赵四", "Smith", "钱六", "孙七", "周八"];
        for (var i = 0; i < names.Length; i++)
        {
            await chat.RegisterAsync(_bot, (41 + i).ToString(CultureInfo.InvariantCulture), names[i], Village, rank: i == 0 ? 2 : 3, language: names[i] == "Smith" ? "en" : null);
        }

        await chat.RegisterAsync(_bot, "60", "流动吴", "town_chengguan");
        var mobile = (await chat.Stores.Members.GetAsync("console:60", CancellationToken.None))!;
        await chat.Stores.Members.UpsertAsync(mobile with { HostUnitId = Village }, CancellationToken.None);
        await chat.SendAsync("40", new CommandInput("link", string.Empty), Group);

        foreach (var user in new[] { "41", "42", "60" })
        {
            await chat.SayAllAsync(user, "/study", "new", "今天", "3", "self", "theory", "skip");
        }

        foreach (var user in new[] { "41", "42", "43", "60" })
        {
            await chat.SayAllAsync(user, "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        }

        // The first waiting is 张一's (accepted), then 王二's (returned).
        await chat.SayAllAsync("40", "/review", "1", "1");
        await chat.SayAllAsync("40", "/review", "1", "2", "请具体写明形式主义的表现。");
        foreach (var user in new[] { "41", "42", "44", "60" })
        {
            await chat.SayAllAsync(user, "/pledge", "6", "8", "不收受群众任何礼品，办事公开透明。", "确认发布");
        }

        await chat.SayAllAsync("48", "/pledge", "1", "2", "8", "严守政治纪律，做到令行禁止。", "密切联系群众，每周走访两户。", "确认发布");

        Assert.StartsWith("已停用 周八", await chat.SayAsync("40", "/member console:48 deactivate"), StringComparison.Ordinal);

        var opened = await chat.SayAsync("1", $"/opinions open {Village} 14 code");
        var code = OpinionCode().Match(opened).Groups[1].Value;
        for (var i = 0; i < 3; i++)
        {
            await chat.SayAllAsync("m" + i, "/opinion " + code, "1", $"第{i}条：窗口办事推诿，跑了三次才办成。");
        }

        var opinions = await chat.Stores.Opinions.ListAsync(Village, CancellationToken.None);
        await chat.SayAsync("40", $"/opinions accept {opinions[0].Id} 张一 2027-02-10 实行首问负责制，公开办事流程");
        await chat.SayAsync("40", $"/opinions accept {opinions[1].Id} 王二 2027-01-22 修复村道，安装路灯");
        var done = (await chat.Stores.Ledger.ListAsync(Village, CancellationToken.None)).Single(i => i.LeadLeaderName == "张一");
        await chat.SayAsync("41", $"/ledger done {done.Id} 已建立首问负责制，窗口公示办事流程");
        await chat.SayAsync("40", $"/ledger confirm {done.Id}");

        await RoundAsync(chat, satisfied: 5);
        await RoundAsync(chat, satisfied: 11);
        for (var day = 0; day < 9; day++)
        {
            chat.Time.Advance(TimeSpan.FromDays(1));
            await chat.RunSchedulerAsync();
        }

        return chat;
    }

    /// <summary>A 作风现状评价 round in the village's group: twelve of the masses vote, the round closes a day later.</summary>
    private static async Task RoundAsync(CampaignChat chat, int satisfied)
    {
        var before = (await chat.Stores.EvaluationRounds.ListAsync(Village, CancellationToken.None)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        await chat.SendAsync("1", new CommandInput("round", $"open {Village} style_status 24"), Group);
        var round = (await chat.Stores.EvaluationRounds.ListAsync(Village, CancellationToken.None)).Single(r => !before.Contains(r.Id)).Id;
        for (var i = 0; i < 12; i++)
        {
            await chat.SendAsync($"{round}-{i}", new ButtonPress(Core.Features.Evaluations.EvaluationText.Payload(round, i < satisfied ? "satisfied" : "unsatisfied"), $"cb-{round}-{i}"), Group);
        }

        chat.Time.Advance(TimeSpan.FromHours(25));
        await chat.RunSchedulerAsync();
    }

    private static async Task<Dictionary<string, string>> FactsAsync(CampaignChat chat, string unit) =>
        (await chat.Services.GetRequiredService<InspectionFacts>().ChecklistAsync(unit, chat.Time.GetUtcNow(), CancellationToken.None))
            .ToDictionary(l => l.Code, l => l.Found.Chinese, StringComparer.Ordinal);

    /// <summary>A unit's line of a bulletin's ranking, without its place ("城关镇东关村 32%｜学习 …").</summary>
    private static string Line(string text, string unitName)
    {
        var line = text.Split('\n').Single(l => l.Contains(". " + unitName + " ", StringComparison.Ordinal));
        return line[(line.IndexOf(". ", StringComparison.Ordinal) + 2)..];
    }

    [GeneratedRegex("/opinion ([A-Z0-9]{6})")]
    private static partial Regex OpinionCode();

    public void Dispose() => _bot.Dispose();
}
