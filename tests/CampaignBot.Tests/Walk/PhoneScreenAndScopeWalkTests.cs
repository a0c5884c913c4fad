using CampaignBot.Core.Features.Examinations;
using CampaignBot.Core.Features.Ledger;
using CampaignBot.Tests.Examinations;
using MiniExcelLibs;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// What a contact leader and a supervisor read fits a phone screen (about 20 lines, the rest a page away), and what a
/// supervisor exports or a lead leader lists covers every unit that is theirs, not only the unit they are registered in.
/// </summary>
public sealed class PhoneScreenAndScopeWalkTests : IDisposable
{
    private const int PhoneScreen = 20;
    private const string Village = "village_dongguan";
    private const string Department = "dept_organisation";
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task A_heads_fourteen_item_leadership_examination_reads_a_screen_at_a_time_with_a_summary_and_a_way_to_the_next_page()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "30", "王副市长", "city", rank: 1);
        await chat.RegisterAsync(_bot, "31", "Li", "city", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "50", "王部长", Department, rank: 1);
        await chat.SayAsync("1", $"/contact set console:30 city {Department} {Village}");
        await chat.SayAsync("1", $"/contact set console:31 city {Department} {Village}");
        var items = await SubmittedLeadershipExaminationAsync(chat, "console:50", "王部长");

        var first = await chat.SayAsync("30", $"/contact exam {Department} 1");
        var second = await chat.SayAsync("30", $"/contact exam {Department} 1 2");
        var pressed = await chat.SendAsync("30", new ButtonPress(chat.Payload(CampaignChat.Private("30"), "下一页"), "cb-next"));
        var english = await chat.SayAsync("31", $"/contact exam {Department} 1");

        Assert.Equal(14, items);
        Assert.InRange(Lines(first), 10, PhoneScreen);
        Assert.InRange(Lines(second), 10, PhoneScreen);
        Assert.StartsWith("【王部长的对照检查】市委组织部｜待审核｜已提交 2 次（只读）\n已填 14/14 项；提交于 2027-01-20；最近退回 2027-01-18\n1. ", first, StringComparison.Ordinal);
        Assert.Contains("\n   第 7 项：调研不够深入。", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\n8. ", first, StringComparison.Ordinal);
        Assert.EndsWith($"\n第 1/2 页；下一页：/contact exam {Department} 1 2", first, StringComparison.Ordinal);
        Assert.Contains("\n8. ", second, StringComparison.Ordinal);
        Assert.Contains("\n   第 14 项：调研不够深入。", second, StringComparison.Ordinal);
        Assert.DoesNotContain("\n7. ", second, StringComparison.Ordinal);
        Assert.Contains("\n第 1 稿：孙督导退回：请补充事实依据", second, StringComparison.Ordinal);
        Assert.EndsWith($"\n第 2/2 页；回到第一页：/contact exam {Department} 1 1", second, StringComparison.Ordinal);
        Assert.Contains("\n   第 14 项：调研不够深入。", pressed, StringComparison.Ordinal);
        Assert.InRange(Lines(english), 10, PhoneScreen);
        Assert.Contains("\n14 of 14 items answered; submitted 2027-01-20; last returned 2027-01-18\n", english, StringComparison.Ordinal);
        Assert.EndsWith($"\nPage 1 of 2; next: /contact exam {Department} 1 2", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_city_supervisors_progress_lists_a_page_of_the_units_below_behind_first_and_turns_to_the_rest()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "钱督导", "city", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "city", "supervisor", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        var below = chat.Services.GetRequiredService<CampaignDefinition>().Units.Count(u => u.Active && u.Id != "city");

        var first = await MessagesAsync(chat, "20", () => chat.SayAsync("20", "/progress"));
        var second = await chat.SayAsync("20", "/progress 2");
        var pressed = await chat.SendAsync("20", new ButtonPress(chat.Payload(CampaignChat.Private("20"), "下一页"), "cb-next"));
        var english = await MessagesAsync(chat, "21", () => chat.SayAsync("21", "/progress"));

        Assert.InRange(below, 9, 16);
        Assert.All(first, m => Assert.InRange(Lines(m), 1, PhoneScreen));
        Assert.StartsWith("「示例市」对照检查进度", first[0], StringComparison.Ordinal);
        Assert.Contains($"\n【下级单位】{below} 个（/progress 单位ID 看名单）\n", first[0], StringComparison.Ordinal);
        Assert.Equal(8, first[0].Split('\n').Count(l => l.StartsWith("· ", StringComparison.Ordinal) || l.StartsWith("⚠ ", StringComparison.Ordinal)));
        Assert.EndsWith($"\n还有 {below - 8} 个单位：/progress 2 看下一页，/progress 单位ID 看一个单位", first[0], StringComparison.Ordinal);
        Assert.InRange(Lines(second), 1, PhoneScreen);
        Assert.Contains($"\n【下级单位】{below} 个，第 2/2 页（/progress 单位ID 看名单）\n", second, StringComparison.Ordinal);
        Assert.Equal(below - 8, second.Split('\n').Count(l => l.StartsWith("· ", StringComparison.Ordinal) || l.StartsWith("⚠ ", StringComparison.Ordinal)));
        Assert.DoesNotContain("还有", second, StringComparison.Ordinal);
        Assert.Contains($"第 2/2 页", pressed, StringComparison.Ordinal);
        Assert.All(english, m => Assert.InRange(Lines(m), 1, PhoneScreen));
        Assert.EndsWith($"\n{below - 8} more units: /progress 2 for the next page, /progress <unit-id> for one unit", english[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_county_supervisors_progress_with_few_units_below_fits_a_screen_and_the_other_parts_follow_in_their_own_message()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "41", "张一", Village);

        var messages = await MessagesAsync(chat, "20", () => chat.SayAsync("20", "/progress"));
        var village = await MessagesAsync(chat, "20", () => chat.SayAsync("20", $"/progress {Village}"));

        Assert.All(messages, m => Assert.InRange(Lines(m), 1, PhoneScreen));
        Assert.StartsWith("「东县」对照检查进度", messages[0], StringComparison.Ordinal);
        Assert.Contains("\n【下级单位】3 个（/progress 单位ID 看名单）\n", messages[0], StringComparison.Ordinal);
        Assert.DoesNotContain("还有", messages[0], StringComparison.Ordinal);
        Assert.Null(chat.BodiesTo(CampaignChat.Private("20")).OfType<TextMessage>().First(m => m.Text == messages[0]).Buttons);
        Assert.True(messages.Count > 1, "the other features' parts come in a message of their own");
        Assert.Single(village);
    }

    [Fact]
    public async Task A_supervisors_export_without_a_unit_covers_the_units_they_supervise_and_with_a_unit_just_that_one()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        await chat.RegisterAsync(_bot, "42", "李二", "community_xingfu");
        await chat.SayAllAsync("41", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        await SaveItemAsync(chat, "L0201", Village, "会议过多", "console:41", "张一");
        await SaveItemAsync(chat, "L0202", "community_xingfu", "材料过多", "console:42", "李二");

        var usage = await chat.SayAsync("20", "/export");
        var all = await ExportAsync(chat, "20", "/export examinations");
        var county = await ExportAsync(chat, "20", "/export examinations county_east");
        var ledger = await ExportAsync(chat, "20", "/export ledger csv");

        Assert.Contains("督导组不加单位ID时导出所督导的全部单位", usage, StringComparison.Ordinal);
        Assert.Contains(all, r => (string)r["姓名"] == "张一" && (string)r["单位ID"] == Village && (string)r["状态"] == "已提交待审核");
        Assert.DoesNotContain(all, r => (string)r["姓名"] == "李二");
        Assert.Equal(all.Count, all.Select(r => string.Join("|", r.Values)).Distinct().Count());
        Assert.DoesNotContain(county, r => (string)r["姓名"] == "张一");
        Assert.Contains(ledger, r => ((string)r["line"]).StartsWith("L0201,village_dongguan,", StringComparison.Ordinal));
        Assert.DoesNotContain(ledger, r => ((string)r["line"]).Contains("L0202", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lead_leader_lists_the_items_they_lead_in_other_units_beside_their_own()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "30", "王副市长", "city", rank: 1);
        await chat.RegisterAsync(_bot, "31", "Li", "city", rank: 1, language: "en");
        await SaveItemAsync(chat, "L0101", Village, "会议过多", "console:30", "王副市长");
        await SaveItemAsync(chat, "L0102", Department, "调研不深入", "console:30", "王副市长");
        await SaveItemAsync(chat, "L0103", Village, "材料过多", "console:99", "别人");
        await SaveItemAsync(chat, "L0104", Village, "Too many forms", "console:31", "Li");

        var chinese = await chat.SayAsync("30", "/ledger list");
        var english = await chat.SayAsync("31", "/ledger list");
        var show = await chat.SayAsync("30", "/ledger show L0101");

        Assert.Contains("L0101 [", chinese, StringComparison.Ordinal);
        Assert.Contains("会议过多", chinese, StringComparison.Ordinal);
        Assert.Contains("L0102 [", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("L0103", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("L0104", chinese, StringComparison.Ordinal);
        Assert.Contains("L0104 [not started]", english, StringComparison.Ordinal);
        Assert.DoesNotContain("L0101", english, StringComparison.Ordinal);
        Assert.Contains("会议过多", show, StringComparison.Ordinal);
    }

    /// <summary>A head's leadership examination, every item answered, submitted twice after being returned once.</summary>
    private static async Task<int> SubmittedLeadershipExaminationAsync(CampaignChat chat, string memberId, string name)
    {
        var items = chat.Services.GetRequiredService<CampaignDefinition>().FindChecklist("leadership")!.Items;
        var answers = items.Select((item, i) => (item.Code, Answer: new ExaminationAnswer(null, $"第 {i + 1} 项：调研不够深入。"))).ToDictionary(a => a.Code, a => a.Answer, StringComparer.Ordinal);
        await chat.Stores.Examinations.SaveAsync(
            new SelfExamination
            {
                MemberId = memberId, MemberName = name, UnitId = Department, ChecklistCode = "leadership", Status = ExaminationStatus.Submitted, Answers = answers,
                Submissions = 2, SubmittedAt = CampaignChat.Start, UpdatedAt = CampaignChat.Start,
            },
            CancellationToken.None);
        await chat.Stores.Examinations.AddReviewAsync(new ExaminationReview(memberId, Department, 1, "console:20", "孙督导", false, "请补充事实依据", CampaignChat.Start.AddDays(-2)), CancellationToken.None);
        return items.Count;
    }

    private static Task SaveItemAsync(CampaignChat chat, string id, string unitId, string problem, string leadId, string leadName) =>
        chat.Stores.Ledger.SaveAsync(
            new LedgerItem
            {
                Id = id, UnitId = unitId, Problem = problem, Category = "formalism", Source = ProblemSource.Examination, Measures = "精简",
                LeadLeaderId = leadId, LeadLeaderName = leadName, Deadline = new DateOnly(2027, 4, 30), CreatedBy = "console:1", CreatedAt = CampaignChat.Start,
            },
            CancellationToken.None);

    /// <summary>The text messages the bot sent <paramref name="user"/> in answer to <paramref name="say"/>, one by one.</summary>
    private static async Task<IReadOnlyList<string>> MessagesAsync(CampaignChat chat, string user, Func<Task<string>> say)
    {
        var before = chat.BodiesTo(CampaignChat.Private(user)).Count();
        await say();
        return [.. chat.BodiesTo(CampaignChat.Private(user)).Skip(before).OfType<TextMessage>().Select(m => m.Text)];
    }

    private static async Task<List<IDictionary<string, object>>> ExportAsync(CampaignChat chat, string user, string line)
    {
        var before = chat.BodiesTo(CampaignChat.Private(user)).Count();
        await chat.SayAsync(user, line);
        var document = Assert.Single(chat.BodiesTo(CampaignChat.Private(user)).Skip(before).OfType<DocumentMessage>());
        if (document.FileName.EndsWith(".csv", StringComparison.Ordinal))
        {
            var text = System.Text.Encoding.UTF8.GetString(document.Content).TrimStart('\uFEFF');
            return [.. text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => (IDictionary<string, object>)new Dictionary<string, object> { ["line"] = l })];
        }

        return [.. new MemoryStream(document.Content).Query(useHeaderRow: true).Cast<IDictionary<string, object>>()];
    }

    private static int Lines(string text) => text.Split('\n').Length;

    public void Dispose() => _bot.Dispose();
}
