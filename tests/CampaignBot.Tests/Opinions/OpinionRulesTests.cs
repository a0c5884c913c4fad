using CampaignBot.Tests.Evaluations;

namespace CampaignBot.Tests.Opinions;

/// <summary>Roles on every command, forged payloads, text limits, deadlines, the per-giver limit and what is (not) kept.</summary>
public sealed class OpinionRulesTests : IAsyncLifetime
{
    private EvaluationBot _bot = null!;

    public async Task InitializeAsync()
    {
        _bot = await EvaluationBot.StartAsync(new() { ["Opinions:MaxPerGiver"] = "2", ["Opinions:RepeatAskDays"] = "30", ["Bulletins:BottomCount"] = "1" });
        await _bot.RegisterAsync("office1", Roles.CampaignOffice, "city");
        await _bot.RegisterAsync("sec1", Roles.Secretary, "county_east");
        await _bot.RegisterAsync("lead1", Roles.Member, "county_east");
        await _bot.RegisterAsync("sec2", Roles.Secretary, "district_west");
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task A_member_cannot_open_a_collection_and_a_secretary_cannot_touch_another_units_opinions_or_ledger()
    {
        Assert.Contains("只有本单位支部书记", await SayAsync("lead1", "opinions", "open county_east"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await SayAsync("sec2", "opinions", "open county_east"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await SayAsync("sec2", "ledger", "add county_east 成员lead1 2027-05-01 问题 | 措施"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await SayAsync("lead1", "ledger", "add 成员lead1 2027-05-01 问题 | 措施"), StringComparison.Ordinal);

        var opinionId = await GiveOneAsync("mass1");
        Assert.Contains("只有本单位支部书记", await SayAsync("sec2", "opinions", $"reply {opinionId} 已经处理"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await SayAsync("sec2", "opinions", "list county_east"), StringComparison.Ordinal);
        Assert.Equal(Core.Features.Opinions.OpinionStatus.Pending, (await _bot.Stores.Opinions.GetAsync(opinionId, CancellationToken.None))?.Status);

        var item = await AddItemAsync();
        Assert.Contains("只有牵头领导", await SayAsync("sec2", "ledger", $"note {item} 越权记录"), StringComparison.Ordinal);
        Assert.Contains("只有本单位支部书记", await SayAsync("sec2", "ledger", $"reopen {item} 越权"), StringComparison.Ordinal);
        Assert.Single(await _bot.Stores.Ledger.HistoryAsync(item, CancellationToken.None));
    }

    [Fact]
    public async Task Forged_and_stale_category_buttons_change_nothing()
    {
        var code = await OpenAsync();
        var prompt = await _bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", code);
        var real = FirstPayload(prompt);
        var token = real.Split(':')[1];

        var forged = EvaluationBot.Texts(await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", $"opinion:{token}:c99"));
        var stale = EvaluationBot.Texts(await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", "opinion:abcdef:c1"));
        var garbage = EvaluationBot.Texts(await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", "opinion:" + new string('x', 300)));

        Assert.Contains("请点击按钮选择类别", forged, StringComparison.Ordinal);
        Assert.Contains("已经失效", stale, StringComparison.Ordinal);
        Assert.Contains("无法识别", garbage, StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Opinions.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task An_opinion_shorter_or_longer_than_the_limits_is_refused_and_nothing_is_stored()
    {
        var code = await OpenAsync();
        var prompt = await _bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", code);
        await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", FirstPayload(prompt));

        var tooShort = EvaluationBot.Texts(await _bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput("太短")));
        var tooLong = EvaluationBot.Texts(await _bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput(new string('长', 1001))));
        var huge = EvaluationBot.Texts(await _bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput(new string('长', 10_000))));

        Assert.Contains("10–1000 字", tooShort, StringComparison.Ordinal);
        Assert.Contains("10–1000 字", tooLong, StringComparison.Ordinal);
        Assert.Contains("消息太长", huge, StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Opinions.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task An_opinion_typed_with_the_command_is_not_taken_and_the_giver_is_asked_for_the_code_alone()
    {
        var code = await OpenAsync();

        var withCode = await SayAsync("mass1", "opinion", $"{code} 窗口工作人员态度冷淡，办事要跑好几趟。");
        var huge = await SayAsync("mass1", "opinion", new string('长', 10_000));
        var wrong = await SayAsync("mass1", "opinion", "abc");

        Assert.Contains("意见这次没有保存：请先只发送 /opinion 口令", withCode, StringComparison.Ordinal);
        Assert.Contains("意见这次没有保存", huge, StringComparison.Ordinal);
        Assert.True(huge.Length < 200, huge);
        Assert.Contains("请发送 /opinion 口令", wrong, StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Opinions.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_ledger_item_is_shown_in_english_to_an_english_speaking_secretary()
    {
        var item = await AddItemAsync();
        _bot.LanguageOf["sec1"] = "en";

        var shown = await SayAsync("sec1", "ledger", $"show {item}");
        var listed = await SayAsync("sec1", "ledger", "list");

        Assert.Contains($"{item} [not started]", shown, StringComparison.Ordinal);
        Assert.Contains("Problem: 会议过多 (from self-examination)", shown, StringComparison.Ordinal);
        Assert.Contains("Measures: 精简会议", shown, StringComparison.Ordinal);
        Assert.Contains("Deadline: 2027-05-01", shown, StringComparison.Ordinal);
        Assert.Contains("History:", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("整改措施", shown, StringComparison.Ordinal);
        Assert.Contains($"{item} [not started]", listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_giver_may_give_at_most_the_configured_number_of_opinions_per_collection()
    {
        var code = await OpenAsync();
        await GiveAsync("mass1", code, "第一条：窗口工作人员态度冷淡。");
        await GiveAsync("mass1", code, "第二条：办事指南没有公开张贴。");
        var third = await GiveAsync("mass1", code, "第三条：下班前半小时就不办了。");
        await GiveAsync("mass2", code, "另一位群众的意见：会议太多。");

        Assert.Contains("已达上限", third, StringComparison.Ordinal);
        Assert.Equal(3, (await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_opinion_written_after_its_collection_closed_is_not_taken_and_the_flow_ends()
    {
        var code = await OpenAsync(days: 1);
        await _bot.AdvanceAsync(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(50));
        var prompt = await _bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", code);
        await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", FirstPayload(prompt));
        await _bot.AdvanceAsync(TimeSpan.FromMinutes(20));

        var closed = EvaluationBot.Texts(await _bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput("窗口办事推诿扯皮，群众跑了好几趟。")));

        Assert.Contains("这次征求意见已经结束", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("回执码", closed, StringComparison.Ordinal);
        var sessions = await _bot.Services.GetRequiredService<ISessionStore>().ListAsync(CancellationToken.None);
        Assert.DoesNotContain(sessions, s => s.Flow == "opinion" && s.State is "AskingCategory" or "AskingText");
        Assert.Empty(await _bot.Stores.Opinions.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task The_inbox_keeps_no_copy_of_an_anonymous_opinions_text()
    {
        var code = await OpenAsync();
        await GiveAsync("mass1", code, "非常具体的一条意见：某科室长期推诿。");
        var updateId = _bot.LastUpdateId!;

        var inbox = await _bot.Stores.Inbox.GetAsync($"console:{updateId}", CancellationToken.None);

        Assert.NotNull(inbox);
        Assert.DoesNotContain("某科室长期推诿", inbox.Payload, StringComparison.Ordinal);
        Assert.Contains("某科室长期推诿", (await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None)).Single().Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nothing_stored_next_to_the_givers_chat_says_which_category_they_chose()
    {
        var code = await OpenAsync();
        var prompt = await _bot.CommandAsync(EvaluationBot.Private("mass1"), "mass1", "opinion", code);
        var buttons = prompt.Select(m => m.ReadBody()).OfType<TextMessage>().SelectMany(m => m.Buttons!.SelectMany(r => r)).ToList();
        var pressed = await _bot.PressAsync(EvaluationBot.Private("mass1"), "mass1", buttons[1].Payload);
        var pressId = _bot.LastUpdateId!;
        await _bot.CommandAsync(EvaluationBot.Private("mass2"), "mass2", "opinion", code);
        var typed = await _bot.SendAsync(EvaluationBot.Private("mass2"), "mass2", new TextInput("4"));
        var typedId = _bot.LastUpdateId!;

        // The category with the date and the unit picks out the opinion; the press (or the number typed) and the button's
        // label marked on the answer are kept next to the giver's chat (inbox, outbox) until retention.
        var press = (await _bot.Stores.Inbox.GetAsync($"console:{pressId}", CancellationToken.None))!;
        Assert.DoesNotContain(buttons[1].Payload, press.Payload, StringComparison.Ordinal);
        Assert.EndsWith(":-", ((ButtonPress)press.ReadUpdate().Content).Payload, StringComparison.Ordinal);
        var number = (await _bot.Stores.Inbox.GetAsync($"console:{typedId}", CancellationToken.None))!;
        Assert.NotEqual("4", ((TextInput)number.ReadUpdate().Content).Text);
        Assert.All(pressed.Concat(typed), m => Assert.DoesNotContain("官僚主义", m.Body, StringComparison.Ordinal));
        Assert.All(pressed.Concat(typed), m => Assert.DoesNotContain("奢靡之风", m.Body, StringComparison.Ordinal));

        // The flow goes on with the category it read.
        await _bot.SendAsync(EvaluationBot.Private("mass1"), "mass1", new TextInput("窗口办事推诿扯皮，群众跑了好几趟。"));
        await _bot.SendAsync(EvaluationBot.Private("mass2"), "mass2", new TextInput("公务接待超标，宴请频繁，群众意见大。"));
        var opinions = await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None);
        Assert.Equal(["bureaucratism", "extravagance"], opinions.Select(o => o.Category).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("2027-12-31")]
    [InlineData("2027-02-01")]
    [InlineData("next-week")]
    public async Task A_deadline_outside_the_campaign_or_in_the_past_is_refused(string deadline)
    {
        var reply = await SayAsync("sec1", "ledger", $"add 成员lead1 {deadline} 会议过多 | 精简会议");

        Assert.Contains("完成时限须是今天到活动结束", reply, StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Ledger.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_ledger_item_without_measures_or_an_unknown_lead_leader_is_not_saved()
    {
        Assert.Contains("三落实", await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 会议过多 |"), StringComparison.Ordinal);
        Assert.Contains("没有找到牵头领导", await SayAsync("sec1", "ledger", "add 无名氏 2027-05-01 会议过多 | 精简会议"), StringComparison.Ordinal);
        Assert.Contains("三落实", await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 会议过多 |  "), StringComparison.Ordinal);
        Assert.Empty(await _bot.Stores.Ledger.ListAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task A_deactivated_secretary_is_not_asked_to_confirm_an_item_reported_done()
    {
        var gone = await _bot.RegisterAsync("sec1old", Roles.Secretary, "county_east");
        await _bot.Stores.Members.UpsertAsync(gone with { DeactivatedAt = _bot.Time.GetUtcNow() }, CancellationToken.None);
        var item = await AddItemAsync();

        var sent = await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", $"done {item} 已精简会议，每周例会改为每月一次");

        Assert.Contains($"/ledger confirm {item}", EvaluationBot.Texts(sent.Where(m => m.Chat.Id == "sec1")), StringComparison.Ordinal);
        Assert.DoesNotContain(sent, m => m.Chat.Id == "sec1old");
    }

    [Fact]
    public async Task Reopening_is_recorded_and_history_shows_who_did_what()
    {
        var item = await AddItemAsync();
        await SayAsync("lead1", "ledger", $"done {item} 已精简会议，每周例会改为每月一次");
        await SayAsync("sec1", "ledger", $"confirm {item}");

        var reopened = await SayAsync("sec1", "ledger", $"reopen {item} 群众反映会议又多了");
        var shown = await SayAsync("sec1", "ledger", $"show {item}");

        Assert.Contains("重新打开", reopened, StringComparison.Ordinal);
        Assert.Contains("确认完成，销号", shown, StringComparison.Ordinal);
        Assert.Contains("重新打开（第 1 次）：群众反映会议又多了", shown, StringComparison.Ordinal);
        Assert.Contains("成员sec1", shown, StringComparison.Ordinal);
        var stored = await _bot.Stores.Ledger.GetAsync(item, CancellationToken.None);
        Assert.Equal(Core.Features.Ledger.LedgerStatus.InProgress, stored?.Status);
        Assert.Equal(1, stored?.Reopened);
        Assert.Equal(4, (await _bot.Stores.Ledger.HistoryAsync(item, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task An_institution_change_is_marked_abolish_amend_or_establish_with_its_title()
    {
        var item = await AddItemAsync();

        Assert.Contains("用法", await SayAsync("sec1", "ledger", $"institution {item} 拆 会议制度"), StringComparison.Ordinal);
        Assert.Contains("立《会议管理办法》", await SayAsync("sec1", "ledger", $"institution {item} 立 会议管理办法"), StringComparison.Ordinal);
        Assert.Equal(Core.Features.Ledger.InstitutionChange.Establish, (await _bot.Stores.Ledger.GetAsync(item, CancellationToken.None))?.Institution);
    }

    [Fact]
    public async Task A_roster_collection_skips_people_asked_in_the_last_days()
    {
        await _bot.RegisterAsync("m2", Roles.Member, "county_east");
        var first = await SayAsync("sec1", "opinions", "open county_east 3 roster");
        await _bot.RegisterAsync("m3", Roles.Member, "county_east");
        await _bot.AdvanceAsync(TimeSpan.FromDays(5));

        var second = await SayAsync("sec1", "opinions", "open county_east 3 roster");

        Assert.Contains("已私信邀请 3 人", first, StringComparison.Ordinal);
        Assert.Contains("已私信邀请 1 人（3 人近 30 天内已征求过", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_roster_collection_opened_at_night_invites_the_members_at_eight()
    {
        var secretary = EvaluationBot.Private("sec1");

        var opened = await _bot.AtNightAsync(secretary, EvaluationBot.Private("lead1"), "【征求意见】", () => _bot.CommandAsync(secretary, "sec1", "opinions", "open county_east 3 roster"));

        Assert.Contains("已私信邀请", opened, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_face_to_face_opinion_is_recorded_with_its_source_date_and_the_consenting_giver()
    {
        var reply = await SayAsync("sec1", "opinions", "record visit 漠视群众 2027-02-20 署名:王大妈 低保评定不公开，希望张榜公示。");

        Assert.Contains("已记录面对面意见", reply, StringComparison.Ordinal);
        var opinion = Assert.Single(await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None));
        Assert.Equal(Core.Features.Opinions.OpinionSource.Visit, opinion.Source);
        Assert.Equal("ignoring_masses", opinion.Category);
        Assert.Equal(new DateOnly(2027, 2, 20), opinion.GivenOn);
        Assert.Equal("王大妈", opinion.GiverName);
        Assert.Contains("日期须在", await SayAsync("sec1", "opinions", "record visit 其他 2027-09-01 以后的日期不能记录，必须是过去。"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reply_is_read_by_receipt_and_a_duplicate_merged_into_it_reads_the_same()
    {
        var code = await OpenAsync();
        var firstReceipt = ReceiptOf(await GiveAsync("mass1", code, "食堂浪费严重，剩菜很多。"));
        var secondReceipt = ReceiptOf(await GiveAsync("mass2", code, "机关食堂浪费，饭菜倒掉很多。"));
        var opinions = (await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None)).OrderBy(o => o.Text.Length).ToList();
        var (main, duplicate) = opinions[0].Text.StartsWith("食堂", StringComparison.Ordinal) ? (opinions[0], opinions[1]) : (opinions[1], opinions[0]);

        await SayAsync("sec1", "opinions", $"reply {main.Id} 已实行按需取餐，公示每周剩余量。");
        Assert.Contains("已合并", await SayAsync("sec1", "opinions", $"merge {duplicate.Id} {main.Id}"), StringComparison.Ordinal);
        Assert.Contains("不予采纳", await SayAsync("sec1", "opinions", $"reject {main.Id} 重复处理") is var again && again.Contains("已经处理过", StringComparison.Ordinal) ? "不予采纳" : again, StringComparison.Ordinal);

        Assert.Contains("按需取餐", await SayAsync("mass1", "opinion", firstReceipt), StringComparison.Ordinal);
        Assert.Contains("按需取餐", await SayAsync("mass2", "opinion", secondReceipt), StringComparison.Ordinal);
        Assert.Contains("不正确", await SayAsync("mass2", "opinion", "ZZZZZZZZ"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_units_progress_is_one_message_the_examinations_above_the_other_features_parts()
    {
        await AddItemAsync();

        var sent = await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "progress");

        var progress = Assert.IsType<TextMessage>(Assert.Single(sent).ReadBody());
        Assert.Contains("对照检查进度", progress.Text, StringComparison.Ordinal);
        Assert.True(progress.Text.IndexOf("对照检查进度", StringComparison.Ordinal) < progress.Text.IndexOf("【整改台帐】", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Progress_and_export_count_opinions_per_unit_and_category_and_list_the_ledger()
    {
        var code = await OpenAsync();
        await GiveAsync("mass1", code, "会风文风不实，材料太多。");
        await AddItemAsync();

        var progress = await SayAsync("sec1", "progress");
        var export = await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "export", "opinions csv");
        var ledger = await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "export", "ledger");

        Assert.Contains("【征求意见】", progress, StringComparison.Ordinal);
        Assert.Contains("东县：1 条（待处理 1", progress, StringComparison.Ordinal);
        Assert.Contains("按类别：形式主义 1", progress, StringComparison.Ordinal);
        Assert.Contains("【整改台帐】", progress, StringComparison.Ordinal);
        var csv = Assert.IsType<DocumentMessage>(export.Select(m => m.ReadBody()).Single(b => b is DocumentMessage));
        Assert.Contains("会风文风不实", System.Text.Encoding.UTF8.GetString(csv.Content), StringComparison.Ordinal);
        Assert.Contains(ledger, m => m.ReadBody() is DocumentMessage { FileName: var name } && name.EndsWith(".xlsx", StringComparison.Ordinal));
        Assert.Contains("不在活动配置中", await SayAsync("sec1", "export", "ledger nowhere"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_exports_the_ledger_and_renders_a_month_bulletin()
    {
        await AddItemAsync();
        var csv = new StringWriter();
        var bulletin = new StringWriter();
        var error = new StringWriter();

        var exported = await CampaignBotCli.RunAsync(["export", "ledger", "--unit", "county_east", .. _bot.CliSettings], csv, error, CancellationToken.None);
        var rendered = await CampaignBotCli.RunAsync(["bulletin", "--month", "2027-03", .. _bot.CliSettings], bulletin, error, CancellationToken.None);
        var refused = await CampaignBotCli.RunAsync(["bulletin", "--month", "March", .. _bot.CliSettings], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal((0, 0, 2), (exported, rendered, refused));
        Assert.Contains("精简会议", csv.ToString(), StringComparison.Ordinal);
        Assert.Contains("【2027-03 月通报】", bulletin.ToString(), StringComparison.Ordinal);
        Assert.Contains("未报送月调度的单位：", bulletin.ToString(), StringComparison.Ordinal);
        Assert.Contains("--month yyyy-MM", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_command_line_bulletin_reads_as_the_offices_preview_with_its_settings_and_handling_decisions()
    {
        await AddItemAsync();
        var now = _bot.Time.GetUtcNow();
        await _bot.Stores.Inspections.AddDecisionAsync(
            new Core.Features.Inspections.HandlingDecision
            {
                CaseKey = "stage:county_east:current", UnitId = "county_east", Reason = "作风现状评价两次不满意", Decision = "约谈单位主要负责人",
                DecidedOn = new DateOnly(2027, 3, 2), RecordedBy = "console:office1", RecordedAt = now,
            },
            CancellationToken.None);
        await _bot.AdvanceAsync(TimeSpan.FromDays(31));
        var output = new StringWriter();

        var preview = await SayAsync("office1", "bulletin", "2027-03 preview");
        var rendered = await CampaignBotCli.RunAsync(["bulletin", "--month", "2027-03", "--Bulletins:BottomCount", "1", .. _bot.CliSettings], output, TextWriter.Null, CancellationToken.None);

        Assert.Equal(0, rendered);
        Assert.Contains("约谈单位主要负责人", preview, StringComparison.Ordinal);
        Assert.Contains(output.ToString().TrimEnd(), preview, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leadership_item_reported_done_in_a_unit_without_a_supervisor_is_put_to_the_office_to_confirm()
    {
        var leader = await _bot.Stores.Members.GetAsync(Member.IdFor("console", "lead1"), CancellationToken.None);
        await _bot.Stores.Members.UpsertAsync(leader! with { Rank = "county" }, CancellationToken.None);
        var item = await AddItemAsync();

        var reported = await _bot.CommandAsync(EvaluationBot.Private("lead1"), "lead1", "ledger", $"done {item} 已合并两个例会");
        var confirmed = await SayAsync("office1", "ledger", $"confirm {item}");

        Assert.Contains(reported, m => m.Chat.Id == "office1" && EvaluationBot.Texts([m]).Contains($"/ledger confirm {item}", StringComparison.Ordinal));
        Assert.DoesNotContain(reported, m => m.Chat.Id == "sec1");
        Assert.Contains("已确认完成", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_leader_told_that_an_item_was_reopened_is_told_how_to_report_it_done_again()
    {
        var item = await AddItemAsync();
        await SayAsync("lead1", "ledger", $"done {item} 已精简会议");
        await SayAsync("sec1", "ledger", $"confirm {item}");

        var reopened = await _bot.CommandAsync(EvaluationBot.Private("sec1"), "sec1", "ledger", $"reopen {item} 群众反映会议又多了");

        var told = EvaluationBot.Texts(reopened.Where(m => m.Chat.Id == "lead1"));
        Assert.Contains("群众反映会议又多了", told, StringComparison.Ordinal);
        Assert.Contains($"/ledger done {item}", told, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_export_asked_at_seven_in_the_morning_in_beijing_is_named_with_that_day_not_utcs()
    {
        await _bot.AdvanceAsync(new DateTimeOffset(2027, 3, 2, 7, 0, 0, TimeSpan.FromHours(8)) - _bot.Time.GetUtcNow());

        var export = await _bot.CommandAsync(EvaluationBot.Private("office1"), "office1", "export", "ledger");

        var file = Assert.IsType<DocumentMessage>(export.Select(m => m.ReadBody()).Single(b => b is DocumentMessage));
        Assert.EndsWith("-20270302.xlsx", file.FileName, StringComparison.Ordinal);
    }

    private async Task<string> SayAsync(string user, string command, string arguments = "") =>
        EvaluationBot.Texts(await _bot.CommandAsync(EvaluationBot.Private(user), user, command, arguments));

    private async Task<string> OpenAsync(int days = 10)
    {
        var opened = await SayAsync("sec1", "opinions", $"open county_east {days} code");
        var at = opened.IndexOf("/opinion ", StringComparison.Ordinal) + "/opinion ".Length;
        return opened.Substring(at, 6);
    }

    private async Task<string> GiveAsync(string mass, string code, string text)
    {
        var prompt = await _bot.CommandAsync(EvaluationBot.Private(mass), mass, "opinion", code);
        await _bot.PressAsync(EvaluationBot.Private(mass), mass, FirstPayload(prompt));
        return EvaluationBot.Texts(await _bot.SendAsync(EvaluationBot.Private(mass), mass, new TextInput(text)));
    }

    private async Task<string> GiveOneAsync(string mass)
    {
        await GiveAsync(mass, await OpenAsync(), "窗口办事推诿扯皮，群众跑了好几趟。");
        return (await _bot.Stores.Opinions.ListAsync("county_east", CancellationToken.None)).Single().Id;
    }

    private async Task<string> AddItemAsync()
    {
        var reply = await SayAsync("sec1", "ledger", "add 成员lead1 2027-05-01 会议过多 | 精简会议");
        var at = reply.IndexOf("整改台帐 ", StringComparison.Ordinal) + "整改台帐 ".Length;
        return reply.Substring(at, 7);
    }

    private static string ReceiptOf(string received)
    {
        var at = received.IndexOf("回执码：", StringComparison.Ordinal) + "回执码：".Length;
        return received.Substring(at, 8);
    }

    private static string FirstPayload(IEnumerable<OutboxMessage> messages) => messages.Select(m => m.ReadBody()).OfType<TextMessage>()
        .SelectMany(m => m.Buttons?.SelectMany(r => r) ?? []).First().Payload;
}
