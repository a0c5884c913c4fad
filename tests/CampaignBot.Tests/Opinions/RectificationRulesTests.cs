using System.Text.RegularExpressions;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Core.Features.Opinions;
using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>
/// The rules of issue 12 the chain test does not walk through: escalation up to the office, leadership items, an opinion
/// joining an item, a rejection read by receipt, publishing the bulletin, the problems found on the 查摆问题评议 ballot,
/// and the opinions spreadsheet on the command line.
/// </summary>
public sealed partial class RectificationRulesTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync();
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sup1", Roles.Supervisor, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.RegisterAsync("sec2", Roles.Secretary, "district_west");
        foreach (var seeder in _bot.Services.GetServices<IHostedService>().Where(s => s is LedgerJobSeeder))
        {
            await seeder.StartAsync(Ct);
        }
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task An_overdue_item_escalates_to_the_secretary_then_the_supervisor_then_the_office_one_step_every_three_days_each_once()
    {
        var id = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-03-03 会议过多 | 精简会议"));

        var byDay = new List<(int Day, OutboxMessage Message)>();
        for (var day = 1; day <= 14; day++)
        {
            byDay.AddRange((await _bot.AdvanceAsync(TimeSpan.FromDays(1))).Select(m => (day, m)));
        }

        int DayOf(string user) => Assert.Single(byDay, d => d.Message.Chat.Id == user && Texts([d.Message]).StartsWith("整改逾期督办", StringComparison.Ordinal)).Day;
        var (secretary, supervisor, office) = (DayOf("sec1"), DayOf("sup1"), DayOf("office1"));
        Assert.Equal((3, 3), (supervisor - secretary, office - supervisor));
        Assert.Single(byDay, d => d.Message.Chat.Id == "lead1" && Texts([d.Message]).StartsWith("整改逾期：", StringComparison.Ordinal));
        Assert.DoesNotContain(byDay, d => d.Message.Chat.Id == "sec2");
        var item = await _bot.Stores.Ledger.GetAsync(id, Ct);
        Assert.Equal((LedgerStatus.Overdue, LedgerPeople.OfficeLevel), (item?.Status, item?.EscalationLevel));
    }

    [Fact]
    public async Task At_night_the_lead_leader_told_of_an_item_the_confirmer_told_of_text_evidence_and_the_leader_told_of_a_reopening_hear_at_eight()
    {
        var (secretary, leader) = (EvaluationBot.Private("sec1"), EvaluationBot.Private("lead1"));
        var added = await _bot.AtNightAsync(secretary, leader, "你被确定为整改事项", () => _bot.CommandAsync(secretary, "sec1", "ledger", "add 成员lead1 2027-05-01 会议过多 | 精简会议"));
        var id = ItemId(added);
        var done = await _bot.AtNightAsync(leader, secretary, $"报告整改事项 {id}「会议过多」已完成", () => _bot.CommandAsync(leader, "lead1", "ledger", $"done {id} 例会由每周三次减为一次"));
        var reopened = await _bot.AtNightAsync(secretary, leader, $"整改后请再发送 /ledger done {id}", () => _bot.CommandAsync(secretary, "sec1", "ledger", $"reopen {id} 会议记录没有附上"));

        Assert.Contains($"已建立整改台帐 {id}", added, StringComparison.Ordinal);
        Assert.Contains($"已报告 {id} 完成", done, StringComparison.Ordinal);
        Assert.Contains($"整改事项 {id} 已重新打开：会议记录没有附上", reopened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leadership_item_is_confirmed_by_a_supervisor_not_by_the_secretary()
    {
        await _bot.RegisterAsync("sec1b", Roles.Secretary, "county_east");
        var id = ItemId(await SayAsync("sec1", "ledger", "add 成员sec1b 2027-05-01 班子调研不深入 | 每人蹲点三天"));
        await SayAsync("sec1b", "ledger", $"done {id} 蹲点调研报告三份");

        var bySecretary = await SayAsync("sec1", "ledger", $"confirm {id}");
        var bySupervisor = await SayAsync("sup1", "ledger", $"confirm {id}");

        Assert.Contains("须由督导组或活动办确认", bySecretary, StringComparison.Ordinal);
        Assert.Contains("已确认完成", bySupervisor, StringComparison.Ordinal);
        var item = await _bot.Stores.Ledger.GetAsync(id, Ct);
        Assert.Equal((LedgerStatus.Done, "console:sup1"), (item?.Status, item?.ConfirmedBy));
    }

    [Fact]
    public async Task Completion_needs_a_report_with_evidence_before_it_can_be_confirmed_and_progress_notes_are_dated()
    {
        var id = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 会议过多 | 精简会议"));

        var early = await SayAsync("sec1", "ledger", $"confirm {id}");
        var bare = await SayAsync("lead1", "ledger", $"done {id}");
        var cancelled = await SayAsync("lead1", "cancel");
        await SayAsync("lead1", "ledger", $"note {id} 已合并两个例会");

        Assert.Contains("还没有报告完成", early, StringComparison.Ordinal);
        Assert.Contains($"请发送 {id} 的整改佐证", bare, StringComparison.Ordinal);
        Assert.Contains("未提交佐证", cancelled, StringComparison.Ordinal);
        var item = await _bot.Stores.Ledger.GetAsync(id, Ct);
        Assert.Equal((LedgerStatus.InProgress, false, 0), (item?.Status, item?.AwaitingConfirmation, item?.Evidence.Count));
        var note = (await _bot.Stores.Ledger.HistoryAsync(id, Ct)).Single(e => e.What.StartsWith("进展：", StringComparison.Ordinal));
        Assert.Equal((_bot.Time.GetUtcNow(), "成员lead1（console:lead1）"), (note.At, note.By));
    }

    [Fact]
    public async Task An_accepted_opinion_joins_an_open_item_and_its_giver_reads_the_item_and_a_rejected_one_reads_the_reason()
    {
        var id = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 窗口办事推诿 | 首问负责制"));
        var code = CodeAfter("/opinion ", await SayAsync("sec1", "opinions", "open county_east 10 code"));
        var joined = ReceiptOf(await GiveAsync("mass1", code, "窗口工作人员推诿，让群众来回跑。"));
        var rejected = ReceiptOf(await GiveAsync("mass2", code, "希望单位给每个人发过节费。"));
        var opinions = await _bot.Stores.Opinions.ListAsync("county_east", Ct);
        var first = opinions.Single(o => o.Text.StartsWith("窗口", StringComparison.Ordinal));
        var second = opinions.Single(o => o.Text.StartsWith("希望", StringComparison.Ordinal));

        Assert.Contains("已采纳", await SayAsync("sec1", "opinions", $"accept {first.Id} {id}"), StringComparison.Ordinal);
        Assert.Contains("不予采纳", await SayAsync("sec1", "opinions", $"reject {second.Id} 违反中央八项规定精神，不能发放。"), StringComparison.Ordinal);

        Assert.Contains(first.Id, (await _bot.Stores.Ledger.GetAsync(id, Ct))!.SourceRefs);
        var joinedStatus = await SayAsync("mass1", "opinion", joined);
        var rejectedStatus = await SayAsync("mass2", "opinion", rejected);
        Assert.Contains("已采纳", joinedStatus, StringComparison.Ordinal);
        Assert.Contains(id, joinedStatus, StringComparison.Ordinal);
        Assert.Contains("不予采纳", rejectedStatus, StringComparison.Ordinal);
        Assert.Contains("违反中央八项规定精神", rejectedStatus, StringComparison.Ordinal);
        Assert.Equal(OpinionStatus.Rejected, (await _bot.Stores.Opinions.ListAsync("county_east", Ct)).Single(o => o.Id == second.Id).Status);
    }

    [Fact]
    public async Task The_office_previews_the_bulletin_then_publishes_it_once_to_the_linked_group_without_naming_anyone()
    {
        await _bot.CommandAsync(EvaluationBot.Group, "sec1", "link");
        await SayAsync("sec1", "ledger", "add 成员lead1 2027-03-10 会议过多 | 精简会议");
        await SayAsync("sec1", "dispatch", "2 | 修复村道；安装路灯 | 是 | 无");
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));

        var preview = await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2027-03 preview");
        var published = await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2027-03 publish");
        var again = await SayAsync("office1", "bulletin", "2027-03 publish");
        var bySecretary = await SayAsync("sec1", "bulletin", "2027-03 publish");

        Assert.DoesNotContain(preview, m => m.Chat.Kind == ChatKind.Group);
        Assert.Contains("成员lead1", Texts(preview), StringComparison.Ordinal);
        Assert.Contains("倒排名：", Texts(preview), StringComparison.Ordinal);
        var post = Assert.Single(published, m => m.Chat.Key == EvaluationBot.Group.Key);
        Assert.Contains("【2027-03 月通报】", Texts([post]), StringComparison.Ordinal);
        Assert.Contains("倒排名：", Texts([post]), StringComparison.Ordinal);
        Assert.DoesNotContain("成员", Texts([post]), StringComparison.Ordinal);
        var east = Texts([post]).Split('\n').Single(l => l.Contains(" 东县 ", StringComparison.Ordinal));
        Assert.Contains("整改 0/1（逾期 1）", east, StringComparison.Ordinal);
        Assert.Contains("办实事 2", east, StringComparison.Ordinal);
        Assert.Contains("西区", Texts([post]).Split('\n').Single(l => l.StartsWith("未报送月调度的单位：", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("已经发布过了", again, StringComparison.Ordinal);
        Assert.Contains("由活动办预览和发布", bySecretary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_problems_found_ballot_shows_the_opinions_and_the_accepted_examinations_problems_without_names()
    {
        await _bot.Stores.Examinations.SaveAsync(RestartMidFlowTests.SubmittedExamination(_bot.Time.GetUtcNow()) with { Status = Core.Features.Examinations.ExaminationStatus.Accepted }, Ct);
        var code = CodeAfter("/opinion ", await SayAsync("sec1", "opinions", "open county_east 10 code"));
        await GiveAsync("mass1", code, "会风文风不实，材料太多。");

        var round = await SayAsync("office1", "round", "open county_east problems_found 24 code");
        var ballot = await SayAsync("mass9", "vote", CodeAfter("/vote ", round));

        Assert.Contains("【查摆问题公示】收到意见 1 条", ballot, StringComparison.Ordinal);
        Assert.Contains("对照检查查摆问题 1 个：官僚主义 1", ballot, StringComparison.Ordinal);
        Assert.DoesNotContain("成员lead1", ballot, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_exports_the_opinions_as_a_spreadsheet_and_as_csv()
    {
        var code = CodeAfter("/opinion ", await SayAsync("sec1", "opinions", "open county_east 10 code"));
        await GiveAsync("mass1", code, "会风文风不实，材料太多。");
        var folder = Directory.CreateTempSubdirectory("campaignbot-opinions-export");
        var xlsx = Path.Combine(folder.FullName, "opinions.xlsx");
        var csv = new StringWriter();

        try
        {
            var spreadsheet = await CampaignBotCli.RunAsync(["export", "opinions", "--format", "xlsx", "--out", xlsx, .. _bot.CliSettings], TextWriter.Null, TextWriter.Null, Ct);
            var text = await CampaignBotCli.RunAsync(["export", "opinions", "--format", "csv", "--unit", "county_east", .. _bot.CliSettings], csv, TextWriter.Null, Ct);

            Assert.Equal((0, 0), (spreadsheet, text));
            var rows = MiniExcelLibs.MiniExcel.Query(xlsx).Select(r => string.Join("|", ((IDictionary<string, object?>)r).Values)).ToList();
            Assert.Contains(rows, r => r.Contains("会风文风不实", StringComparison.Ordinal));
            Assert.Contains("会风文风不实", csv.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain("mass1", csv.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_roster_collection_asks_again_once_the_configured_repeat_days_have_passed()
    {
        await using var bot = await EvaluationBot.StartAsync(new() { ["Opinions:RepeatAskDays"] = "3" });
        await bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await bot.RegisterAsync("m2", Roles.Member, "county_east");
        var open = () => bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "opinions", "open county_east 1 roster");

        var first = Texts(await open());
        await bot.AdvanceAsync(TimeSpan.FromDays(2));
        var tooSoon = Texts(await open());
        await bot.AdvanceAsync(TimeSpan.FromDays(2));
        var later = Texts(await open());

        Assert.Contains("已私信邀请 2 人", first, StringComparison.Ordinal);
        Assert.Contains("已私信邀请 0 人（2 人近 3 天内已征求过", tooSoon, StringComparison.Ordinal);
        Assert.Contains("已私信邀请 2 人", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_months_bulletin_lists_as_overdue_only_the_items_its_ranking_counts_not_those_made_the_month_after()
    {
        var march = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-03-10 会议过多 | 精简会议"));
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));
        var april = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-04-03 文件过多 | 精简文件"));
        await _bot.AdvanceAsync(TimeSpan.FromDays(5));

        var preview = await SayAsync("office1", "bulletin", "2027-03 preview");

        var east = preview.Split('\n').First(l => l.Contains(" 东县 ", StringComparison.Ordinal));
        Assert.Contains("整改 0/1（逾期 1）", east, StringComparison.Ordinal);
        Assert.Contains(march, preview, StringComparison.Ordinal);
        Assert.DoesNotContain(april, preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_item_reported_done_with_evidence_before_its_deadline_is_not_marked_overdue_while_it_waits_for_confirmation()
    {
        var id = ItemId(await SayAsync("sec1", "ledger", "add 成员lead1 2027-03-03 会议过多 | 精简会议"));
        var reported = await SayAsync("lead1", "ledger", $"done {id} 已合并两个例会，印发通知");

        var sent = new List<OutboxMessage>();
        for (var day = 1; day <= 10; day++)
        {
            sent.AddRange(await _bot.AdvanceAsync(TimeSpan.FromDays(1)));
        }

        Assert.Contains("等待支部书记或督导组确认", reported, StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => Texts([m]).StartsWith("整改逾期", StringComparison.Ordinal));
        var item = await _bot.Stores.Ledger.GetAsync(id, Ct);
        Assert.Equal((LedgerStatus.InProgress, true, 0), (item?.Status, item?.AwaitingConfirmation, item?.EscalationLevel));
        var confirmed = await SayAsync("sec1", "ledger", $"confirm {id}");
        Assert.Equal(LedgerStatus.Done, (await _bot.Stores.Ledger.GetAsync(id, Ct))?.Status);
        Assert.DoesNotContain("逾期", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bulletin_published_before_any_unit_linked_a_group_can_be_published_once_a_group_is_linked()
    {
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));

        var early = await SayAsync("office1", "bulletin", "2027-03 publish");
        await _bot.CommandAsync(EvaluationBot.Group, "sec1", "link");
        var published = await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "bulletin", "2027-03 publish");

        Assert.Contains("/link", early, StringComparison.Ordinal);
        Assert.DoesNotContain("已发布", early, StringComparison.Ordinal);
        var post = Assert.Single(published, m => m.Chat.Key == EvaluationBot.Group.Key);
        Assert.Contains("【2027-03 月通报】", Texts([post]), StringComparison.Ordinal);
        Assert.Contains("已发布到 1 个单位群", Texts(published), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dispatch_in_one_line_reads_yes_and_none_whatever_their_case()
    {
        var saved = await SayAsync("sec1", "dispatch", "2 | Fixed the road; new street lights | Yes | None");

        var dispatch = await _bot.Stores.Bulletins.GetDispatchAsync("county_east", "2027-03", Ct);
        Assert.Contains("2027-03", saved, StringComparison.Ordinal);
        Assert.Equal((2, true, (string?)null), (dispatch?.PracticalThings, dispatch?.LedgerChecked, dispatch?.Note));
    }

    [Fact]
    public async Task The_ledger_list_is_paged_for_a_phone_with_what_needs_attention_first()
    {
        var ids = new List<string>();
        for (var i = 1; i <= 17; i++)
        {
            ids.Add(ItemId(await SayAsync("sec1", "ledger", $"add 成员lead1 2027-{(i == 17 ? "03-03" : "05-01")} 问题{i} | 措施{i}")));
        }

        await SayAsync("lead1", "ledger", $"done {ids[15]} 已整改，附记录");
        for (var day = 1; day <= 3; day++)
        {
            await _bot.AdvanceAsync(TimeSpan.FromDays(1));
        }

        var first = await SayAsync("sec1", "ledger", "list");
        var second = await SayAsync("sec1", "ledger", "list county_east 2");
        var beyond = await SayAsync("sec1", "ledger", "list 9");

        var lines = first.Split('\n');
        Assert.Equal("整改台帐（17 项）", lines[0]);
        Assert.Equal(1 + LedgerCommand.ListPageSize + 1, lines.Length);
        Assert.StartsWith($"{ids[16]} [逾期]", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"{ids[15]} [整改中·待确认]", lines[2], StringComparison.Ordinal);
        Assert.Equal("第 1/2 页；下一页：/ledger list 2", lines[^1]);
        Assert.Equal(4, second.Split('\n').Length);
        Assert.EndsWith("第 2/2 页（最后一页）", second, StringComparison.Ordinal);
        Assert.Equal(second, beyond);
        Assert.Equal(17, ids.Count(id => (first + second).Contains(id, StringComparison.Ordinal)));
    }

    private async Task<string> SayAsync(string user, string command, string arguments = "") =>
        Texts(await _bot.CommandAsync(EvaluationBot.Private(user), user, command, arguments));

    private async Task<string> GiveAsync(string mass, string code, string text)
    {
        var prompt = await _bot.CommandAsync(EvaluationBot.Private(mass), mass, "opinion", code);
        var first = prompt.Select(m => m.ReadBody()).OfType<TextMessage>().SelectMany(m => m.Buttons?.SelectMany(r => r) ?? []).First();
        await _bot.PressAsync(EvaluationBot.Private(mass), mass, first.Payload);
        return Texts(await _bot.SendAsync(EvaluationBot.Private(mass), mass, new TextInput(text)));
    }

    private static string ItemId(string reply) => CodeAfter("整改台帐 ", reply);

    private static string ReceiptOf(string received) => CodeAfter("回执码：", received);

    private static string Texts(IEnumerable<OutboxMessage> messages) => EvaluationBot.Texts(messages);

    private static string CodeAfter(string marker, string text)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{marker}' not in: {text}");
        return CodeWord().Match(text[(at + marker.Length)..]).Value;
    }

    [GeneratedRegex("^[A-Za-z0-9]+")]
    private static partial Regex CodeWord();
}
