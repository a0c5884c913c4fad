using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// A supervisor (督导组) and a contact leader (联系领导) through a month of the campaign in the real host, in Chinese and in
/// English: what they read about their units is in their language, and a reply that lists nothing says what to do next.
/// </summary>
public sealed class SupervisorAndContactWalkTests : IDisposable
{
    private const string Village = "village_dongguan";
    private readonly BotUnderTest _bot = new();

    /// <summary>The office, a Chinese and an English city contact leader of the same two units, and a village member's submitted short form.</summary>
    private async Task<CampaignChat> WithContactLeadersAsync()
    {
        var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "30", "王副市长", "city", rank: 1);
        await chat.RegisterAsync(_bot, "31", "Li", "city", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        Assert.Contains("已设置", await chat.SayAsync("1", $"/contact set console:30 city dept_organisation {Village}"), StringComparison.Ordinal);
        Assert.Contains("已设置", await chat.SayAsync("1", $"/contact set console:31 city dept_organisation {Village}"), StringComparison.Ordinal);
        await chat.SayAllAsync("41", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");
        return chat;
    }

    [Fact]
    public async Task An_english_contact_leader_reads_a_units_self_examinations_with_the_checklists_english_names_and_prompts()
    {
        await using var chat = await WithContactLeadersAsync();

        var list = await chat.SayAsync("31", $"/contact exams {Village}");
        var one = await chat.SayAsync("31", $"/contact exam {Village} 1");
        var chineseList = await chat.SayAsync("30", $"/contact exams {Village}");
        var chineseOne = await chat.SayAsync("30", $"/contact exam {Village} 1");

        Assert.Contains("1. 张一 | Member self-examination (short form) | submitted", list, StringComparison.Ordinal);
        Assert.Contains("\n1. Formalism: in study and work, do you go through the motions", one, StringComparison.Ordinal);
        Assert.Contains("\n   Exists\n", one, StringComparison.Ordinal);
        Assert.Contains(": submitted, 1 submission (read-only)", one, StringComparison.Ordinal);
        Assert.DoesNotContain("党员对照检查", list + one, StringComparison.Ordinal);
        Assert.DoesNotContain("｜", list + one, StringComparison.Ordinal);
        Assert.DoesNotContain("形式主义", one, StringComparison.Ordinal);
        Assert.Contains("1. 张一｜党员对照检查（简表）｜待审核", chineseList, StringComparison.Ordinal);
        Assert.Contains("\n1. 形式主义：学习和工作中是否存在走过场、不求实效的问题？\n   存在\n", chineseOne, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_contact_leader_reads_a_units_ledger_and_the_visits_with_english_punctuation()
    {
        await using var chat = await WithContactLeadersAsync();
        await chat.SayAsync("40", "/ledger add 张一 2027-02-10 会议过多 | 精简会议");
        await chat.SayAllAsync("31", "/contact visit", "2", "yesterday", "Visited the village and read the ledger.", "1");

        var ledger = await chat.SayAsync("31", $"/contact ledger {Village}");
        var visits = await chat.SayAsync("31", "/contact visits");
        var chinese = await chat.SayAsync("30", $"/contact ledger {Village}");

        Assert.Matches(@"\n[A-Z0-9]+ \[not started\] 会议过多 \| 精简会议 \| 张一 \| 2027-02-10$", ledger);
        Assert.Contains("\n2027-01-19 城关镇东关村 | Li | Visited the village and read the ledger.", visits, StringComparison.Ordinal);
        Assert.DoesNotContain("｜", ledger + visits, StringComparison.Ordinal);
        Assert.Matches(@"\n[A-Z0-9]+ \[未开始\] 会议过多｜精简会议｜张一｜2027-02-10$", chinese);
    }

    [Fact]
    public async Task An_english_supervisor_reads_the_evaluation_results_with_the_stages_english_names()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789" });
        await chat.RegisterAsync(_bot, "1", "活动办", "city", "office", rank: 1);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "county_east", "supervisor", rank: 1, language: "en");
        await chat.SayAsync("1", $"/round open {Village} style_status 24 code");

        var english = await chat.SayAsync("21", "/results");
        var chinese = await chat.SayAsync("20", "/results");

        Assert.Contains("\n  Work style as it is: in progress, round 1, 0 votes", english, StringComparison.Ordinal);
        Assert.DoesNotContain("作风现状评价", english, StringComparison.Ordinal);
        Assert.Contains("\n  作风现状评价：进行中，第 1 轮，0 票", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisors_progress_of_their_own_unit_lists_the_units_below_with_their_ids_to_look_at_next()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "county_east", "supervisor", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "41", "张一", Village);
        await chat.SayAllAsync("41", "/examine", "1", "3", "3", "3", "跳过", "每周走访群众一次，解决实际问题。", "提交");

        var chinese = await chat.SayAsync("20", "/progress");
        var english = await chat.SayAsync("21", "/progress");
        var village = await chat.SayAsync("20", $"/progress {Village}");

        Assert.StartsWith("「东县」对照检查进度", chinese, StringComparison.Ordinal);
        Assert.Contains("\n【下级单位】3 个（/progress 单位ID 看名单）\n", chinese, StringComparison.Ordinal);
        Assert.Contains("\n· 城关镇东关村（village_dongguan）：已交 1/2，截止 03-16", chinese, StringComparison.Ordinal);
        Assert.Contains("\n· 东县城关镇（town_chengguan）：已交 0/0", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("西区", chinese, StringComparison.Ordinal);
        Assert.Contains("\nUnits below, 3 (/progress <unit-id> for names)\n", english, StringComparison.Ordinal);
        Assert.Contains("\n· 城关镇东关村 (village_dongguan): 1/2 in, deadline 03-16", english, StringComparison.Ordinal);
        Assert.DoesNotContain("下级单位", village, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_contact_leader_who_leads_no_ledger_item_is_told_so_by_ledger_list_not_refused()
    {
        await using var chat = await WithContactLeadersAsync();
        await chat.SayAsync("40", "/ledger add 张一 2027-02-10 会议过多 | 精简会议");

        var usage = await chat.SayAsync("30", "/ledger");
        var chinese = await chat.SayAsync("30", "/ledger list");
        var english = await chat.SayAsync("31", "/ledger list");
        var lead = await chat.SayAsync("41", "/ledger list");

        Assert.Contains("/ledger list　查看我牵头的事项", usage, StringComparison.Ordinal);
        Assert.Equal("你目前没有牵头的整改事项。牵头领导由支部书记或督导组建立台帐时指定；发送 /help 查看其他命令。", chinese);
        Assert.StartsWith("You lead no rectification items now.", english, StringComparison.Ordinal);
        Assert.Contains("会议过多", lead, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_supervisors_meeting_lists_the_meetings_of_the_units_they_supervise_instead_of_saying_their_unit_has_none()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);
        await chat.RegisterAsync(_bot, "21", "Zhou", "county_east", "supervisor", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "40", "村书记", Village, "secretary", rank: 2);
        await chat.RegisterAsync(_bot, "41", "张一", Village, rank: 2);
        var before = await chat.SayAsync("20", "/meeting");
        await chat.SayAllAsync("40", "/meeting open", "2 1");
        await chat.SendAsync("40", new ButtonPress(chat.Payload(CampaignChat.Private("40"), "开始"), "cb-open"));
        var id = (await chat.Stores.LifeMeetings.ListAsync(Village, CancellationToken.None)).Single().Id;

        var chinese = await chat.SayAsync("20", "/meeting");
        var english = await chat.SayAsync("21", "/meeting");
        var talks = await chat.SayAsync("20", "/meeting talks");

        Assert.StartsWith("你督导的单位还没有开启专题民主生活会的准备。", before, StringComparison.Ordinal);
        Assert.Equal($"你督导的单位的专题民主生活会（1 个）：\n· 城关镇东关村（village_dongguan，{id}）：三轮沟通中\n查看一个单位：/meeting <单位ID>；批评意见：/meeting talks <单位ID>；审阅记录：/meeting review <编号> [意见]", chinese);
        Assert.Contains($"\n· 城关镇东关村 (village_dongguan, {id}): talks in progress\n", english, StringComparison.Ordinal);
        Assert.DoesNotContain("本单位还没有", chinese + talks, StringComparison.Ordinal);
        Assert.Equal(chinese, talks);
    }

    [Fact]
    public async Task An_empty_visit_list_says_what_to_do_next_for_a_leader_a_unit_and_someone_without_contact_points()
    {
        await using var chat = await WithContactLeadersAsync();
        await chat.RegisterAsync(_bot, "20", "孙督导", "county_east", "supervisor", rank: 1);

        var leader = await chat.SayAsync("30", "/contact visits");
        var english = await chat.SayAsync("31", "/contact visits");
        var unit = await chat.SayAsync("40", $"/contact visits {Village}");
        var supervisor = await chat.SayAsync("20", "/contact visits");
        await chat.SayAllAsync("30", "/contact visit", "2", "昨天", "走访群众，督促整改落实", "1");
        var logged = await chat.SayAsync("30", "/contact visits");

        Assert.Equal("你还没有记录联系走访。记录一次：/contact visit", leader);
        Assert.Equal("You have logged no contact visits yet. Log one: /contact visit", english);
        Assert.Equal("城关镇东关村还没有联系走访记录。", unit);
        Assert.Equal("你目前没有联系点。联系点由活动办设置。", supervisor);
        Assert.Equal("联系走访记录（1 次）：\n2027-01-19 城关镇东关村｜王副市长｜走访群众，督促整改落实", logged);
    }

    public void Dispose() => _bot.Dispose();
}
