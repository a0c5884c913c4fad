using System.Text.RegularExpressions;
using CampaignBot.Tests.Examinations;

namespace CampaignBot.Tests.Walk;

/// <summary>
/// An English-speaking member, secretary and office member in the real host: what they read is English, and the
/// messages meant for them alone say so (their reader's language), so a channel words its own hints in English too.
/// </summary>
public sealed class EnglishReaderWalkTests : IDisposable
{
    private static readonly ChatRef Group = new("console", "-907", ChatKind.Group, "东关村群");
    private readonly BotUnderTest _bot = new();

    [Fact]
    public async Task Prompts_with_buttons_in_an_english_members_private_chat_are_marked_as_read_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "51", "Wang", "village_dongguan", language: "en");
        await chat.RegisterAsync(_bot, "52", "李四", "village_dongguan");

        var english = chat.BodiesTo(CampaignChat.Private("51")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();
        var chinese = chat.BodiesTo(CampaignChat.Private("52")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();

        AssertMarkedByReader(english, chinese);
    }

    [Fact]
    public async Task The_answer_to_an_english_members_button_press_is_marked_as_read_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["53"] = "en";
        await chat.SayAllAsync("53", "/start", await _bot.CreateInviteAsync("village_dongguan", "member"), "Wang");

        await chat.SendAsync("53", new ButtonPress(chat.Payload(CampaignChat.Private("53"), "Ordinary member"), "cb-53"));

        var answer = chat.BodiesTo(CampaignChat.Private("53")).OfType<CallbackAnswer>().Single();
        Assert.Equal(Language.English, answer.Reader);
        Assert.Equal("Ordinary member", answer.Chosen);
    }

    [Fact]
    public async Task A_reply_in_a_group_is_not_marked_with_the_senders_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        chat.LanguageOf["54"] = "en";

        await chat.SendAsync("54", new CommandInput("help", string.Empty), Group);

        Assert.All(chat.BodiesTo(Group), m => Assert.Null(m.Reader));
    }

    [Fact]
    public async Task An_english_secretary_reads_a_ledger_items_history_in_english_and_a_chinese_one_reads_it_in_chinese()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "61", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "62", "Wang", "village_dongguan", language: "en");
        await chat.RegisterAsync(_bot, "63", "李书记", "village_dongguan", "secretary");
        await chat.SayAsync("61", "/ledger add Wang 2027-03-03 会议过多 | 精简会议");
        var id = (await chat.Stores.Ledger.ListAsync("village_dongguan", CancellationToken.None)).Single().Id;
        await chat.SayAllAsync("62", $"/ledger note {id} 已召开专题会", $"/ledger done {id} 会议减少三成");
        await chat.SayAsync("63", $"/ledger confirm {id}");

        var english = await chat.SayAsync("61", $"/ledger show {id}");
        var chinese = await chat.SayAsync("63", $"/ledger show {id}");

        Assert.Contains(" Smith (console:61): Created", english, StringComparison.Ordinal);
        Assert.DoesNotContain("（", english, StringComparison.Ordinal);
        Assert.Contains(" Smith（console:61）：建立", chinese, StringComparison.Ordinal);
        Assert.Contains("Created: 会议过多; measures: 精简会议; lead leader: Wang; deadline: 2027-03-03; source: self-examination", english, StringComparison.Ordinal);
        Assert.Contains(": Progress: 已召开专题会", english, StringComparison.Ordinal);
        Assert.Contains(": Reported done, evidence: 会议减少三成", english, StringComparison.Ordinal);
        Assert.Contains(": Confirmed done and closed", english, StringComparison.Ordinal);
        Assert.DoesNotContain("建立：", english, StringComparison.Ordinal);
        Assert.DoesNotContain("确认完成", english, StringComparison.Ordinal);
        Assert.Contains("建立：会议过多；措施：精简会议；牵头领导：Wang；时限：2027-03-03；来源：对照检查", chinese, StringComparison.Ordinal);
        Assert.Contains("：进展：已召开专题会", chinese, StringComparison.Ordinal);
        Assert.Contains("：报告完成，佐证：会议减少三成", chinese, StringComparison.Ordinal);
        Assert.Contains("：确认完成，销号", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_member_on_a_roster_gets_the_private_ballot_and_its_reminder_in_english_and_the_english_office_reads_the_result_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789" });
        await chat.RegisterAsync(_bot, "71", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "72", "Wang", "village_dongguan", language: "en");
        await chat.RegisterAsync(_bot, "73", "李四", "village_dongguan");

        await chat.SayAsync("71", "/round open village_dongguan meeting_satisfaction 6 roster");
        chat.Time.Advance(TimeSpan.FromHours(4) + TimeSpan.FromMinutes(1));
        var reminders = await chat.RunSchedulerAsync();
        chat.Time.Advance(TimeSpan.FromHours(2));
        var closing = await chat.RunSchedulerAsync();

        var english = chat.BodiesTo(CampaignChat.Private("72")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();
        var chinese = chat.BodiesTo(CampaignChat.Private("73")).OfType<TextMessage>().Where(m => m.Buttons is { Count: > 0 }).ToList();
        var ballot = Assert.Single(english, m => m.Text.StartsWith("[Evaluation] 城关镇东关村 · Meeting satisfaction\nPlease evaluate this unit", StringComparison.Ordinal));
        Assert.Equal(Language.English, ballot.Reader);
        Assert.Single(chinese, m => m.Text.StartsWith("【群众评议】城关镇东关村 · 满意度测评\n请对本单位作出评价", StringComparison.Ordinal));
        var reminder = Assert.IsType<TextMessage>(Assert.Single(reminders, r => r.Chat.Id == "72").Body);
        Assert.Contains("Reminder: this round closes", reminder.Text, StringComparison.Ordinal);
        Assert.Equal(Language.English, reminder.Reader);
        Assert.Contains("提醒：本轮评议将于", Assert.IsType<TextMessage>(Assert.Single(reminders, r => r.Chat.Id == "73").Body).Text, StringComparison.Ordinal);
        var result = Assert.IsType<TextMessage>(Assert.Single(closing, r => r.Chat.Id == "71").Body).Text;
        Assert.Contains("0 votes: Satisfied 0, Basically satisfied 0, Unsatisfied 0", result, StringComparison.Ordinal);
        Assert.Equal(["Satisfied", "Basically satisfied", "Unsatisfied"], ballot.Buttons!.SelectMany(r => r).Select(b => b.Label));
        Assert.DoesNotContain("，", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_secretary_and_office_read_the_action_lists_with_english_punctuation()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "81", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "82", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "83", "李四", "village_dongguan");
        await chat.RegisterAsync(_bot, "84", "王书记", "village_dongguan", "secretary");

        var secretary = await chat.SayAsync("81", "/todo");
        var office = await chat.SayAsync("82", "/todo");
        var chinese = await chat.SayAsync("84", "/todo");

        Assert.Contains("\nNo public pledge (3): Smith, 李四, 王书记\n", secretary, StringComparison.Ordinal);
        Assert.Contains("· 城关镇东关村 (village_dongguan): Examination not started 3/3, No public pledge 3/3", office, StringComparison.Ordinal);
        Assert.DoesNotContain("：", secretary + office, StringComparison.Ordinal);
        Assert.DoesNotContain("（", secretary + office, StringComparison.Ordinal);
        Assert.Contains("（3）：Smith、李四、王书记", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_secretary_reads_the_ledger_list_with_english_punctuation()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "91", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "92", "王书记", "village_dongguan", "secretary");
        await chat.SayAsync("91", "/ledger add Smith 2027-03-03 会议过多 | 精简会议");

        var english = await chat.SayAsync("91", "/ledger list");
        var chinese = await chat.SayAsync("92", "/ledger list");

        Assert.Contains("[not started] 城关镇东关村: 会议过多 | Smith | 2027-03-03", english, StringComparison.Ordinal);
        Assert.Contains("[未开始] 城关镇东关村：会议过多｜Smith｜2027-03-03", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_member_reads_the_recent_study_entries_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "101", "Wang", "village_dongguan", language: "en");
        await chat.SayAsync("101", "/study");
        await chat.SendAsync("101", new ButtonPress(chat.Payload(CampaignChat.Private("101"), "Log study")));
        await chat.SayAllAsync("101", "today", "1", "2", "1", "Skip");
        await chat.SayAsync("101", "/study");

        var recent = await chat.SendAsync("101", new ButtonPress(chat.Payload(CampaignChat.Private("101"), "Recent/fix")));

        Assert.Contains("1. 2027-01-20 1 day Self-study, Theory", recent, StringComparison.Ordinal);
        Assert.DoesNotContain(" 天 ", recent, StringComparison.Ordinal);
        Assert.DoesNotContain("自学", recent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_secretary_reads_the_opinion_list_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Opinions:Secret"] = "test-opinion-secret-0123456789" });
        await chat.RegisterAsync(_bot, "111", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "112", "王书记", "village_dongguan", "secretary");
        var opened = await chat.SayAsync("111", "/opinions open village_dongguan 7 code");
        var code = System.Text.RegularExpressions.Regex.Match(opened, "/opinion ([A-Z0-9]{6})").Groups[1].Value;
        await chat.SayAllAsync("113", "/opinion " + code, "1", "窗口办事推诿，跑了三次才办成。");

        var english = await chat.SayAsync("111", "/opinions list");
        var chinese = await chat.SayAsync("112", "/opinions list");

        Assert.Matches(@"\n[A-Z0-9]{8} \[pending\] Formalism · anonymous 01-20: 窗口办事推诿", english);
        Assert.Matches(@"\n[A-Z0-9]{8} \[待处理\] 形式主义·背对背 01-20：窗口办事推诿", chinese);
    }

    [Fact]
    public async Task An_english_office_member_reads_a_new_inspection_draw_with_english_punctuation()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "121", "Office", "city", "office", rank: 1, language: "en");

        var drawn = await chat.SayAsync("121", "/inspect draw");

        Assert.Matches(@"\n1\. \S+ \([a-z_]+\)\n2\. ", drawn);
        Assert.DoesNotContain("（", drawn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_member_whose_channel_says_no_language_reads_english_once_the_office_sets_it_on_the_command_line()
    {
        await using (var chat = await CampaignChat.StartAsync(_bot))
        {
            await chat.RegisterAsync(_bot, "131", "Smith", "village_dongguan");
        }

        var set = await _bot.RunCliAsync("members", "set", "console:131", "--lang", "en");
        var refused = await _bot.RunCliAsync("members", "set", "console:131", "--lang", "fr");

        await using var later = await CampaignChat.StartAsync(_bot);
        var profile = await later.SayAsync("131", "/me");
        Assert.Equal(0, set.Exit);
        Assert.Equal(2, refused.Exit);
        Assert.Contains("语言 'fr' 不可用", refused.Output + refused.Error, StringComparison.Ordinal);
        Assert.StartsWith("My profile\nName: Smith", profile, StringComparison.Ordinal);
        Assert.Equal(Language.English, later.BodiesTo(CampaignChat.Private("131")).Single().Reader);
    }

    [Fact]
    public async Task An_english_office_member_reads_the_member_counts_per_unit_with_english_punctuation()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "141", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "142", "活动办", "city", "office", rank: 1);

        var english = await chat.SayAsync("141", "/members");
        var chinese = await chat.SayAsync("142", "/members");

        Assert.Contains("\ncity 示例市: 2", english, StringComparison.Ordinal);
        Assert.DoesNotContain("：", english, StringComparison.Ordinal);
        Assert.Contains("\ncity 示例市：2", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_daily_jobs_overdue_line_in_a_ledger_items_history_is_signed_in_each_readers_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        foreach (var seeder in chat.Services.GetServices<IHostedService>().OfType<Core.Features.Ledger.LedgerJobSeeder>())
        {
            await seeder.StartAsync(CancellationToken.None);
        }

        await chat.RegisterAsync(_bot, "151", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "152", "王书记", "village_dongguan", "secretary");
        await chat.SayAsync("152", "/ledger add 王书记 2027-01-22 会议过多 | 精简会议");
        var id = (await chat.Stores.Ledger.ListAsync("village_dongguan", CancellationToken.None)).Single().Id;
        for (var day = 0; day < 4; day++)
        {
            chat.Time.Advance(TimeSpan.FromDays(1));
            await chat.RunSchedulerAsync();
        }

        var english = await chat.SayAsync("151", $"/ledger show {id}");
        var chinese = await chat.SayAsync("152", $"/ledger show {id}");

        Assert.Matches(@"\n2\. 2027-01-2\d \d\d:\d\d system: ", english);
        Assert.Matches(@"\n2\. 2027-01-2\d \d\d:\d\d 系统：", chinese);
        Assert.DoesNotContain("system", chinese, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lists_inside_english_answers_to_the_office_and_a_secretary_are_separated_by_commas()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "161", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "162", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "163", "Wang", "town_chengguan", rank: 1);
        await chat.RegisterAsync(_bot, "164", "李书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "165", "钱党员", "village_dongguan");

        var rank = await chat.SayAsync("162", "/member console:165 rank nonsense");
        var chineseRank = await chat.SayAsync("164", "/member console:165 rank nonsense");
        var set = await chat.SayAsync("161", "/contact set console:163 city dept_organisation village_dongguan");
        var drawn = await chat.SayAsync("161", "/inspect draw");
        var verified = await chat.SayAsync("161", $"/inspect verify {Regex.Match(drawn, "Inspection (I[A-Z0-9]+)").Groups[1].Value}");

        Assert.Contains("Choose from: county (County level and above), section (Township and section level), ordinary (Ordinary member)", rank, StringComparison.Ordinal);
        Assert.Contains("可选：county（县处级以上领导干部）、section（乡科级干部）、ordinary（普通党员）", chineseRank, StringComparison.Ordinal);
        Assert.Equal("Set: Wang (console:163, city leader) contacts 市委组织部, 城关镇东关村.", set);
        Assert.StartsWith("Verified: ", verified, StringComparison.Ordinal);
        Assert.DoesNotContain("、", rank + set + verified, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_english_secretary_and_office_read_the_meeting_team_contact_points_and_unit_kinds_separated_by_commas()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "171", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "172", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "173", "Wang", "village_dongguan", rank: 2);
        await chat.RegisterAsync(_bot, "174", "Li", "village_dongguan");
        await chat.RegisterAsync(_bot, "175", "Zhao", "town_chengguan", rank: 1);
        await chat.SayAsync("171", "/contact set console:175 city dept_organisation village_dongguan");

        await chat.SayAsync("172", "/meeting open");
        var team = await chat.SayAsync("172", "1 2 3");
        var contacts = await chat.SayAsync("171", "/contact list");
        var kinds = await chat.SayAsync("171", "/inspect draw nonsense");
        var progress = await chat.SayAsync("171", "/progress village_dongguan");

        Assert.Contains("Head: Li\nMembers: Smith, Wang\n", team, StringComparison.Ordinal);
        Assert.Contains("· Zhao (console:175, city leader): 市委组织部, 城关镇东关村", contacts, StringComparison.Ordinal);
        Assert.Contains("No unit kind 'nonsense'. Kinds: ", kinds, StringComparison.Ordinal);
        Assert.Contains("城关镇东关村: contact leaders Zhao;", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("、", team + contacts + kinds, StringComparison.Ordinal);
        Assert.DoesNotContain("（", contacts + kinds, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_reminder_digest_and_notice_the_jobs_send_an_english_member_is_marked_as_read_in_english()
    {
        await using var chat = await CampaignChat.StartAsync(_bot, new Dictionary<string, string?> { ["Evaluation:BallotSecret"] = "test-ballot-secret-0123456789" });
        foreach (var seeder in chat.Services.GetServices<IHostedService>().OfType<CampaignBot.Core.Scheduling.JobSeeder>().Where(s => s is not Core.Features.Organisation.ContactSyncSchedule))
        {
            await seeder.StartAsync(CancellationToken.None);
        }

        await chat.RegisterAsync(_bot, "181", "Office", "city", "office", rank: 1, language: "en");
        await chat.RegisterAsync(_bot, "182", "Smith", "village_dongguan", "secretary", language: "en");
        await chat.RegisterAsync(_bot, "183", "Wang", "village_dongguan", language: "en");
        await chat.RegisterAsync(_bot, "184", "李四", "village_dongguan");
        await chat.SayAsync("182", "/ledger add Wang 2027-01-25 会议过多 | 精简会议");
        await chat.SayAsync("181", "/round open village_dongguan meeting_satisfaction 6 roster");
        var sent = new List<(ChatRef Chat, Outbound Body)>();
        for (var day = 0; day < 56; day++)
        {
            chat.Time.Advance(TimeSpan.FromDays(1));
            sent.AddRange(await chat.RunSchedulerAsync());
        }

        var english = sent.Where(s => s.Chat.Kind == ChatKind.Private && s.Chat.Id is "181" or "182" or "183").Select(s => s.Body).OfType<TextMessage>().ToList();
        var chinese = sent.Where(s => s.Chat.Id == "184").Select(s => s.Body).OfType<TextMessage>().ToList();
        Assert.Contains(english, m => m.Text.StartsWith("Reminder: ", StringComparison.Ordinal));
        Assert.Contains(english, m => m.Text.StartsWith("Weekly digest: ", StringComparison.Ordinal));
        Assert.Contains(english, m => m.Text.StartsWith("Rectification reminder: ", StringComparison.Ordinal));
        Assert.Contains(english, m => m.Text.StartsWith("[Monthly dispatch ", StringComparison.Ordinal));
        Assert.Contains(english, m => m.Text.StartsWith("Draft bulletin for ", StringComparison.Ordinal));
        Assert.Contains(english, m => m.Text.Contains(" result\n", StringComparison.Ordinal));
        AssertMarkedByReader(english, chinese);
    }

    /// <summary>Every message to an English reader is marked English; every one to a Chinese reader carries no mark.</summary>
    private static void AssertMarkedByReader(IReadOnlyList<TextMessage> english, IReadOnlyList<TextMessage> chinese)
    {
        Assert.NotEmpty(english);
        Assert.All(english, m => Assert.Equal(Language.English, m.Reader));
        Assert.NotEmpty(chinese);
        Assert.All(chinese, m => Assert.Null(m.Reader));
    }

    [Fact]
    public async Task A_secretarys_reminder_from_the_action_list_is_marked_with_each_members_language()
    {
        await using var chat = await CampaignChat.StartAsync(_bot);
        await chat.RegisterAsync(_bot, "191", "王书记", "village_dongguan", "secretary");
        await chat.RegisterAsync(_bot, "192", "Wang", "village_dongguan", language: "en");
        await chat.RegisterAsync(_bot, "193", "李四", "village_dongguan");

        await chat.SayAsync("191", "/todo remind not_started");

        var english = Assert.IsType<TextMessage>(chat.BodiesTo(CampaignChat.Private("192")).Last());
        var chinese = Assert.IsType<TextMessage>(chat.BodiesTo(CampaignChat.Private("193")).Last());
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}{2}", english.Text.Replace("王书记", string.Empty, StringComparison.Ordinal));
        Assert.Equal(Language.English, english.Reader);
        Assert.Null(chinese.Reader);
    }

    public void Dispose() => _bot.Dispose();
}
