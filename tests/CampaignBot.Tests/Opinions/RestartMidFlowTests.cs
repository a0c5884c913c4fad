using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Storage.Tests.Mongo;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>
/// The host stops in the middle of giving an opinion, a /ledger add form, a /dispatch form and a review's ledger step,
/// and the restarted host (a new process on the same SQLite file or MongoDB database) goes on with the answers kept.
/// </summary>
[Collection(MongoEngineCollection.Name)]
public sealed partial class RestartMidFlowTests(MongoEngineFixture mongo)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private async Task<EvaluationBot> StartAsync(string store)
    {
        var bot = await EvaluationBot.StartAsync(store == "mongo"
            ? new() { ["Mongo:ConnectionString"] = mongo.ConnectionString, ["Mongo:Database"] = mongo.NewDatabaseName() }
            : null);
        await bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await bot.RegisterAsync("lead1", Roles.Member, "county_east");
        Assert.Equal(store == "mongo", bot.Stores.Sessions.GetType().Namespace!.Contains("Mongo", StringComparison.Ordinal));
        return bot;
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_restart_after_the_category_was_chosen_keeps_it_and_the_opinion_is_received(string store)
    {
        await using var bot = await StartAsync(store);
        var code = CodeAfter("/opinion ", Texts(await bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "opinions", "open county_east 10 code")));
        var prompt = await bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", code);
        await bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", Payload(prompt, "2. 官僚主义"));

        await bot.RestartAsync();
        var received = Texts(await bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput("窗口办事推诿扯皮，群众跑了好几趟才办成。")));

        Assert.Contains("回执码：", received, StringComparison.Ordinal);
        var opinion = Assert.Single(await bot.Stores.Opinions.ListAsync("county_east", Ct));
        Assert.Equal(("bureaucratism", "窗口办事推诿扯皮，群众跑了好几趟才办成。"), (opinion.Category, opinion.Text));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_restart_in_the_middle_of_the_ledger_form_keeps_problem_category_and_measures(string store)
    {
        await using var bot = await StartAsync(store);
        var chat = EvaluationBot.Private("sec1");
        await bot.CommandAsync(chat, "sec1", "ledger", "add");
        await bot.SendAsync(chat, "sec1", new TextInput("会议过多，基层负担重"));
        await bot.SendAsync(chat, "sec1", new TextInput("1"));
        var leaderPrompt = await bot.SendAsync(chat, "sec1", new TextInput("合并会议，每月例会一次"));

        await bot.RestartAsync();
        var asked = Texts(await bot.PressAsync(chat, "sec1", Payload(leaderPrompt, "成员lead1")));
        await bot.SendAsync(chat, "sec1", new TextInput("2027-05-01"));
        await bot.RestartAsync();
        var saved = Texts(await bot.SendAsync(chat, "sec1", new TextInput("1")));

        Assert.Contains("完成时限", asked, StringComparison.Ordinal);
        var item = Assert.Single(await bot.Stores.Ledger.ListAsync("county_east", Ct));
        Assert.Contains($"已建立整改台帐 {item.Id}", saved, StringComparison.Ordinal);
        Assert.Equal(("会议过多，基层负担重", "formalism", "合并会议，每月例会一次", "console:lead1", new DateOnly(2027, 5, 1)), (item.Problem, item.Category, item.Measures, item.LeadLeaderId, item.Deadline));
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_restart_in_the_middle_of_the_dispatch_form_keeps_the_count_and_the_lines(string store)
    {
        await using var bot = await StartAsync(store);
        var chat = EvaluationBot.Private("sec1");
        await bot.CommandAsync(chat, "sec1", "dispatch");
        await bot.SendAsync(chat, "sec1", new TextInput("2"));
        await bot.SendAsync(chat, "sec1", new TextInput("修复村道\n安装路灯"));

        await bot.RestartAsync();
        await bot.SendAsync(chat, "sec1", new TextInput("1"));
        var saved = Texts(await bot.SendAsync(chat, "sec1", new TextInput("跳过")));

        Assert.Contains("办实事 2 件", saved, StringComparison.Ordinal);
        var report = await bot.Stores.Bulletins.GetDispatchAsync("county_east", "2027-03", Ct);
        Assert.Equal(["修复村道", "安装路灯"], report?.Lines);
        Assert.True(report?.LedgerChecked);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_restart_while_a_reviewer_puts_a_problem_on_the_ledger_keeps_the_measures(string store)
    {
        await using var bot = await StartAsync(store);
        await bot.Stores.Examinations.SaveAsync(SubmittedExamination(bot.Time.GetUtcNow()), Ct);
        var chat = EvaluationBot.Private("sec1");
        var list = await bot.CommandAsync(chat, "sec1", "review");
        var read = await bot.PressAsync(chat, "sec1", Payload(list, "1. 成员lead1（东县）第 1 版"));
        var offer = await bot.PressAsync(chat, "sec1", Payload(read, "通过"));
        await bot.PressAsync(chat, "sec1", Payload(offer, "1. 官僚主义（存在）"));
        await bot.SendAsync(chat, "sec1", new TextInput("推行首问负责制，公开办事流程"));

        await bot.RestartAsync();
        var turned = await bot.SendAsync(chat, "sec1", new TextInput("2027-04-30"));

        var item = Assert.Single(await bot.Stores.Ledger.ListAsync("county_east", Ct));
        Assert.Contains($"已转入整改台帐 {item.Id}", Texts(turned), StringComparison.Ordinal);
        Assert.Equal(("推行首问负责制，公开办事流程", "console:lead1", ProblemSource.Examination), (item.Measures, item.LeadLeaderId, item.Source));
        Assert.Contains(turned, m => m.Chat.Id == "lead1" && Texts([m]).Contains("牵头领导", StringComparison.Ordinal));
        Assert.Contains(item.Id, Texts(await bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", "list")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("mongo")]
    public async Task A_lead_leaders_reminder_is_sent_once_though_the_host_restarts_at_the_same_hour(string store)
    {
        await using var bot = await StartAsync(store);
        foreach (var seeder in bot.Services.GetServices<IHostedService>().Where(s => s is LedgerJobSeeder))
        {
            await seeder.StartAsync(Ct);
        }

        await bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "ledger", "add 成员lead1 2027-03-09 会议过多 | 精简会议");
        var before = await bot.AdvanceAsync(TimeSpan.FromDays(1));
        await bot.RestartAsync();
        var after = await bot.AdvanceAsync(TimeSpan.Zero);
        var nextDay = await bot.AdvanceAsync(TimeSpan.FromDays(1));

        Assert.Single(before, m => m.Chat.Id == "lead1" && Texts([m]).Contains("还有 7 天", StringComparison.Ordinal));
        Assert.DoesNotContain(after, m => m.Chat.Id == "lead1");
        Assert.DoesNotContain(nextDay, m => m.Chat.Id == "lead1" && Texts([m]).StartsWith("整改提醒", StringComparison.Ordinal));
    }

    /// <summary>The member's short checklist, submitted: bureaucratism found, the rest not.</summary>
    internal static SelfExamination SubmittedExamination(DateTimeOffset at) => new()
    {
        MemberId = "console:lead1",
        MemberName = "成员lead1",
        UnitId = "county_east",
        ChecklistCode = "member",
        Status = ExaminationStatus.Submitted,
        Answers = new Dictionary<string, ExaminationAnswer>
        {
            ["wind_formalism"] = new("none", null),
            ["wind_bureaucratism"] = new("exists", null),
            ["wind_hedonism"] = new("none", null),
            ["wind_extravagance"] = new("none", null),
            ["measures"] = new(null, "主动服务群众。"),
        },
        Submissions = 1,
        SubmittedAt = at,
        UpdatedAt = at,
    };

    private static string Texts(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);

    /// <summary>The payload of the button labelled <paramref name="label"/>, in a new message or an edit of the last one.</summary>
    private static string Payload(IEnumerable<OutboxMessage> messages, string label) => messages.Select(m => m.ReadBody())
        .SelectMany(body => body switch
        {
            TextMessage text => text.Buttons?.SelectMany(r => r) ?? [],
            EditMessage edit => edit.Buttons?.SelectMany(r => r) ?? [],
            _ => [],
        })
        .First(b => b.Label == label).Payload;

    private static string CodeAfter(string marker, string text)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in: {text}");
        return CodeWord().Match(text[(at + marker.Length)..]).Value;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex CodeWord();
}
