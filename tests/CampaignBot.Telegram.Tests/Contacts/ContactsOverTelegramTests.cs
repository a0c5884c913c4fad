using CampaignBot.Cli;
using CampaignBot.Configuration;
using CampaignBot.Core.Campaign;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Features.Registration;
using CampaignBot.Storage.Sqlite;
using CampaignBot.Telegram.Tests.ExamPledges;
using CampaignBot.Tests.Shared;

namespace CampaignBot.Telegram.Tests.Contacts;

/// <summary>
/// Contact points (全程联系) end to end: the real host on a fake clock, the real Telegram client against the stand-in,
/// the shipped campaign. The office sets a city leader's contact points in chat; the head of the department submits the
/// leadership examination; on Monday morning the leader gets each unit's weekly summary once, reads the ledger, reviews
/// the head's examination and logs a visit; a member who is not the contact leader is refused.
/// </summary>
public sealed class ContactsOverTelegramTests : IAsyncDisposable
{
    private const string Department = "dept_organisation";
    private const string Village = "village_dongguan";

    /// <summary>Wednesday 2027-01-20 10:00 in Beijing.</summary>
    private static readonly DateTimeOffset Start = new(2027, 1, 20, 2, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "campaignbot-contacts-telegram", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider _time = new(Start);
    private BotApiStandIn? _standIn;
    private IHost? _host;

    private string DatabasePath => Path.Combine(_folder, "campaignbot.db");

    private static string CampaignFile => Path.Combine(RepoPaths.Root(), "config", "campaign.yaml");

    private StandInState State => _standIn!.State;

    private StoreBundle Stores => _host!.Services.GetRequiredService<StoreBundle>();

    [Fact]
    public async Task A_contact_leader_gets_the_weekly_summary_once_reads_the_ledger_and_reviews_the_heads_examination()
    {
        await StartAsync();
        var office = await RegisterAsync(4001, "活动办", "city", "office", "普通党员");
        var leader = await RegisterAsync(4002, "李副市长", "city", "member", "县处级以上领导干部");
        var head = await RegisterAsync(4003, "王部长", Department, "member", "县处级以上领导干部");
        var other = await RegisterAsync(4004, "赵干部", Department, "member", "普通党员");

        var set = await office.SayAsync($"/contact set telegram:4002 city {Department} {Village}", "已设置");
        Assert.Contains("已设置：李副市长（telegram:4002，市级领导）联系 市委组织部、城关镇东关村。", set, StringComparison.Ordinal);
        var help = await leader.SayAsync("/help", "你可以使用");
        Assert.Contains("/contact — ", help, StringComparison.Ordinal);
        Assert.Contains("/review — ", help, StringComparison.Ordinal);
        Assert.DoesNotContain("/contact — ", await other.SayAsync("/help", "你可以使用"), StringComparison.Ordinal);

        // The head submits the leadership examination; the contact leader is told beside the usual reviewers.
        var told = leader.Received.Count;
        await FillLeadershipExaminationAsync(head);
        await head.PressAsync("提交", "已提交对照检查（第 1 版）");
        await leader.WaitForAsync("王部长（市委组织部）提交了对照检查（第 1 版）", told);
        await Stores.Ledger.SaveAsync(new LedgerItem
        {
            Id = "L0042", UnitId = Department, Problem = "调研不深入，听取意见不够", Category = "formalism", Source = ProblemSource.Examination,
            Measures = "每月到基层调研两次", LeadLeaderId = "telegram:4003", LeadLeaderName = "王部长", Deadline = new DateOnly(2027, 4, 30),
            CreatedBy = "telegram:4001", CreatedAt = Start,
        }, CancellationToken.None);

        // Monday 2027-01-25 09:00 in Beijing: one summary, a section per contact unit, and an hour later still one.
        var beforeSummary = leader.Received.Count;
        _time.Advance(new DateTimeOffset(2027, 1, 25, 1, 0, 0, TimeSpan.Zero) - _time.GetUtcNow());
        await leader.WaitForAsync("【联系点周报】城关镇东关村", beforeSummary);
        var summary = await leader.WaitForAsync("【联系点周报】市委组织部", beforeSummary);
        Assert.Contains("对照检查待审核 1", summary, StringComparison.Ordinal);
        Assert.Contains("整改台帐 1 项：已完成 0，逾期 0", summary, StringComparison.Ordinal);
        _time.Advance(TimeSpan.FromHours(1));
        await leader.SayAsync("/contact", "我的联系点");
        Assert.Equal(1, Regex.Count(string.Join("\n", leader.Received.Select(m => m.Text)), "【联系点周报】市委组织部"));
        Assert.Equal(new DateTimeOffset(2027, 2, 1, 1, 0, 0, TimeSpan.Zero), (await Stores.Jobs.GetAsync("contact-weekly", CancellationToken.None))!.DueAt);

        // Read-only: the ledger and the examinations of the contact unit; another member is refused.
        var ledger = await leader.SayAsync($"/contact ledger {Department}", "整改台帐】共");
        Assert.Contains("L0042 [未开始] 调研不深入，听取意见不够｜每月到基层调研两次｜王部长｜2027-04-30", ledger, StringComparison.Ordinal);
        var exams = await leader.SayAsync($"/contact exams {Department}", "对照检查】共");
        Assert.Contains("1. 王部长｜领导班子和领导干部对照检查｜待审核", exams, StringComparison.Ordinal);
        Assert.Contains("这不是你的联系点，不能查看。", await other.SayAsync($"/contact exams {Department}", "不能查看"), StringComparison.Ordinal);
        Assert.Contains("这不是你的联系点，不能查看。", await other.SayAsync($"/contact ledger {Department}", "不能查看"), StringComparison.Ordinal);
        Assert.Contains("只有活动办可以设置联系点。", await leader.SayAsync($"/contact set telegram:4004 county {Village}", "只有活动办"), StringComparison.Ordinal);

        // The contact leader reviews the head's examination (审阅对照检查材料).
        await leader.SayAsync("/review", "请选择要审核的对照检查");
        await leader.PressAsync("1. 王部长（市委组织部）第 1 版", "王部长 的对照检查（第 1 版）");
        var accepted = head.Received.Count;
        await leader.PressAsync("通过", "已通过");
        await head.WaitForAsync("已由李副市长审核通过", accepted);
        Assert.Equal(ExaminationStatus.Accepted, (await Stores.Examinations.GetAsync("telegram:4003", CancellationToken.None))!.Status);

        // A contact visit, counted in /progress.
        await leader.SayAsync("/contact visit", "记录哪个联系点的走访");
        await leader.PressAsync("市委组织部", "哪天去的");
        await leader.PressAsync("今天", "做了什么");
        await leader.SayAsync("座谈了解查摆问题和整改情况", "请确认");
        await leader.PressAsync("保存", "已记录对市委组织部的联系走访。");
        var progress = await office.SayAsync($"/progress {Department}", "【全程联系】");
        Assert.Contains("市委组织部：联系领导 李副市长；本月走访 1 次，累计 1 次，最近 2027-01-25", progress, StringComparison.Ordinal);
        Assert.Equal("telegram:4002", Assert.Single(await Stores.Contacts.ListVisitsAsync(Department, CancellationToken.None)).LeaderId);
    }

    private async Task StartAsync()
    {
        _standIn = await BotApiStandIn.StartAsync(TelegramHarness.Token, StandInRules.NoLimits);
        var settings = PollingHost.UnpacedSettings(_standIn, DatabasePath, CampaignFile);
        settings["Telegram:GlobalPerSecond"] = "0";
        _host = await PollingHost.StartAsync(settings, _time);
    }

    private async Task<TelegramMember> RegisterAsync(long userId, string name, string unit, string role, string rank)
    {
        var output = new StringWriter();
        var stores = await SqliteStores.OpenAsync(DatabasePath, CancellationToken.None);
        var args = CampaignBotCli.Parse(["invite", "create", "--unit", unit, "--role", role]);
        Assert.Equal(0, await InviteCommand.CreateAsync(args, CampaignLoader.Load(CampaignFile), stores.Invites, TimeProvider.System, output, CancellationToken.None));
        var member = new TelegramMember(State, userId);
        await member.SayAsync("/start", "第 1 步");
        await member.SayAsync(output.ToString().Trim(), "第 2 步");
        await member.SayAsync(name, "第 3 步");
        await member.PressAsync(rank, "第 4 步");
        await member.PressAsync("确认", "注册成功");
        return member;
    }

    /// <summary>Answers every item of the shipped leadership checklist, up to its summary (总览).</summary>
    private static async Task FillLeadershipExaminationAsync(TelegramMember head)
    {
        var items = CampaignLoader.Load(CampaignFile).FindChecklist("leadership")!.Items;
        await head.SayAsync("/examine", $"第 1/{items.Count} 项");
        for (var i = 0; i < items.Count; i++)
        {
            var next = i + 1 < items.Count ? $"第 {i + 2}/{items.Count} 项" : "总览";
            if (items[i].Answer == ChecklistAnswerKind.Choice)
            {
                await head.PressAsync("不存在", next);
                continue;
            }

            if (items[i].Answer == ChecklistAnswerKind.Both)
            {
                await head.PressAsync("部分存在", "请写出具体表现");
            }

            await head.SayAsync($"第 {i + 1} 项：调研不够深入，听取群众意见不够。", next);
        }
    }

    public async ValueTask DisposeAsync() => await PollingHost.StopAsync(_host, _standIn, _folder);
}
