using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>
/// The chain opinion → problem → ledger item → evidence → bulletin → the masses' verdict, over the real host on a fake clock
/// (the console channel's harness): everything goes through commands and scheduled jobs, nothing is set up behind the bot.
/// </summary>
public sealed partial class LedgerChainTests : IAsyncLifetime
{
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sup1", Roles.Supervisor, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.RegisterAsync("sec2", Roles.Secretary, "district_west");
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().Where(s => s is LedgerJobSeeder or Core.Features.Bulletins.MonthlyJobSeeder))
        {
            await seeder.StartAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Three_anonymous_opinions_become_a_ledger_item_that_is_reminded_escalated_confirmed_bulletined_and_shown_on_the_ballot()
    {
        // The office opens a collection by code; the unregistered masses give three opinions in private chats.
        var opened = Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "opinions", "open county_east 10 code"));
        var code = CodeAfter("/opinion ", opened);
        var receipts = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            var mass = $"mass{i}";
            var prompt = await _bot.CommandAsync(EvaluationBot.Private(mass), mass, "opinion", code);
            Assert.Contains("类别", Texts(prompt), StringComparison.Ordinal);
            await _bot.PressAsync(EvaluationBot.Private(mass), mass, Payload(prompt, i == 1 ? "2. 官僚主义" : "1. 形式主义"));
            var received = Texts(await _bot.SendAsync(EvaluationBot.Private(mass), mass, new TextInput($"第{i}条意见：窗口办事推诿扯皮，群众跑了好几趟才办成。")));
            receipts.Add(CodeAfter("回执码：", received));
        }

        var opinions = await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None);
        Assert.Equal(3, opinions.Count);
        Assert.All(opinions, o => Assert.Equal(OpinionSource.Anonymous, o.Source));

        // The secretary sees them and accepts the bureaucratism one into a ledger item in one step.
        var listed = Texts(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "opinions", "list"));
        Assert.Contains("待处理 3", listed, StringComparison.Ordinal);
        var first = opinions.Single(o => o.Category == "bureaucratism");
        var accepted = await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "opinions", $"accept {first.Id} 成员lead1 2027-03-20 实行首问负责制，公开办事流程");
        var itemId = CodeAfter("整改台帐 ", Texts(accepted));
        Assert.Contains(accepted, m => m.Chat.Id == "lead1" && Texts([m]).Contains("牵头领导", StringComparison.Ordinal));

        // The giver reads what became of it by the receipt, still anonymous.
        var status = Texts(await _bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", receipts[0]));
        Assert.Contains("已采纳", status, StringComparison.Ordinal);
        Assert.Contains(itemId, status, StringComparison.Ordinal);

        // Day by day: reminders 7, 3 and 1 days before 2027-03-20, then overdue, then one escalation step per three days.
        var sent = new List<OutboxMessage>();
        for (var day = 0; day < 25; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
        }

        var toLeader = sent.Where(m => m.Chat.Id == "lead1").Select(m => Texts([m])).ToList();
        Assert.Equal(3, toLeader.Count(t => t.StartsWith("整改提醒", StringComparison.Ordinal)));
        Assert.Contains(toLeader, t => t.Contains("还有 7 天", StringComparison.Ordinal));
        Assert.Contains(toLeader, t => t.Contains("还有 1 天", StringComparison.Ordinal));
        Assert.Single(toLeader, t => t.StartsWith("整改逾期：", StringComparison.Ordinal));
        Assert.Single(sent, m => m.Chat.Id == "sec1" && Texts([m]).StartsWith("整改逾期督办", StringComparison.Ordinal));
        Assert.Single(sent, m => m.Chat.Id == "sup1" && Texts([m]).StartsWith("整改逾期督办", StringComparison.Ordinal));
        Assert.DoesNotContain(sent, m => m.Chat.Id == "office1" && Texts([m]).StartsWith("整改逾期督办", StringComparison.Ordinal));
        var item = await _bot.Stores.Ledger.GetAsync(itemId, CancellationToken.None);
        Assert.Equal(LedgerStatus.Overdue, item?.Status);
        Assert.Equal(LedgerPeople.SupervisorLevel, item?.EscalationLevel);

        // The monthly dispatch was asked on the 25th (10:00, Beijing) of every secretary.
        Assert.Contains(sent, m => m.Chat.Id == "sec1" && Texts([m]).StartsWith("【月调度 2027-03】", StringComparison.Ordinal));
        Assert.Contains(sent, m => m.Chat.Id == "sec2" && Texts([m]).StartsWith("【月调度 2027-03】", StringComparison.Ordinal));

        // Evidence, then the secretary confirms; the lead leader can't confirm their own item.
        var done = await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", $"done {itemId} 已建立首问负责制，窗口公示办事流程（整改报告.pdf）");
        Assert.Contains(done, m => m.Chat.Id == "sec1" && Texts([m]).Contains($"/ledger confirm {itemId}", StringComparison.Ordinal));
        Assert.Contains("不能确认自己", Texts(await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", $"confirm {itemId}")), StringComparison.Ordinal);
        Assert.Contains("已确认完成", Texts(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "ledger", $"confirm {itemId}")), StringComparison.Ordinal);

        // The secretary answers the dispatch; the other unit stays silent.
        Assert.Contains("办实事 2 件", Texts(await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "dispatch", "2 | 修复村道；安装路灯 | 是 | 无")), StringComparison.Ordinal);

        // On 1 April the office gets March's bulletin to preview: ranked, the silent units listed, with a spreadsheet and a chart.
        var april = new List<OutboxMessage>();
        for (var day = 0; day < 8 && !april.Any(m => m.Chat.Id == "office1" && Texts([m]).Contains("月通报", StringComparison.Ordinal)); day++)
        {
            april.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
        }

        var draft = april.Where(m => m.Chat.Id == "office1").ToList();
        var bulletin = Texts(draft);
        Assert.Contains("【2027-03 月通报】", bulletin, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"1\. 东县 "), bulletin);
        Assert.Contains("未报送月调度的单位：", bulletin, StringComparison.Ordinal);
        var silent = bulletin[(bulletin.IndexOf("未报送月调度的单位：", StringComparison.Ordinal) + "未报送月调度的单位：".Length)..].Split('\n')[0].Split('、');
        Assert.Contains("西区", silent);
        Assert.DoesNotContain("东县", silent);
        Assert.Contains(draft, m => m.ReadBody() is DocumentMessage { FileName: "月通报-2027-03.xlsx" });
        Assert.Contains(draft, m => m.ReadBody() is PhotoMessage { FileName: "月通报-2027-03.png" });

        // The 整改落实评判 round's ballot shows the unit's ledger to the masses before they vote.
        var round = Texts(await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "round", "open county_east rectification 24 code"));
        var voteCode = CodeAfter("/vote ", round);
        var ballot = Texts(await _bot.CommandAsync(EvaluationBot.Private("mass9"), "mass9", "vote", voteCode));
        Assert.Contains("【整改公示】整改台帐 1 项：已完成 1", ballot, StringComparison.Ordinal);
        Assert.Contains("窗口办事推诿", ballot, StringComparison.Ordinal);
        Assert.DoesNotContain("成员lead1", ballot, StringComparison.Ordinal);
    }

    private static string Texts(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);

    private static string Payload(IEnumerable<OutboxMessage> messages, string label) => messages.Select(m => m.ReadBody()).OfType<TextMessage>()
        .SelectMany(m => m.Buttons?.SelectMany(r => r) ?? []).First(b => b.Label == label).Payload;

    private static string CodeAfter(string marker, string text)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in: {text}");
        return CodeWord().Match(text[(at + marker.Length)..]).Value;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex CodeWord();
}
