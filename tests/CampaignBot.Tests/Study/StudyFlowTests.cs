using CampaignBot.Core.Features.Study;

namespace CampaignBot.Tests.Study;

public sealed class StudyFlowTests
{
    private static CancellationToken Ct => CancellationToken.None;

    [Fact]
    public async Task A_member_logs_a_session_with_a_typed_date_and_sees_progress_against_the_minimum()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/study", "1", "3月5日", "1.5", "2", "1", "读了党章");

        var entry = Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Study, Ct));
        Assert.Equal((new DateOnly(2027, 3, 5), 3, "self", "theory", "读了党章", false), (entry.Date, entry.HalfDays, entry.Form, entry.Topic, entry.Note, entry.Confirmed));
        Assert.Contains("学习 1.5/7 天", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Saving_an_entry_is_one_message_with_what_was_saved_the_overlap_note_and_the_progress()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/study", "new", "today", "1", "self", "theory", "skip");
        await bot.SayAsync("1", "/study", "new", "today", "1", "self", "theory");
        var before = bot.Sent.Count;

        await bot.SayAsync("1", "skip");

        var finish = Assert.Single(bot.Sent.Skip(before), m => m.ChatId == "1").Text;
        Assert.Contains("已记录", finish, StringComparison.Ordinal);
        Assert.Contains("重叠的时间只计一次", finish, StringComparison.Ordinal);
        Assert.Contains("你的进度：", finish, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nonsense_and_future_dates_and_bad_lengths_are_refused_and_the_step_is_shown_again()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/study", "new", "明天见", "2027-03-11", "2026-12-01", "昨天", "-1", "100", "0.3", "半天");

        Assert.Contains("看不懂日期", replies, StringComparison.Ordinal);
        Assert.Contains("还没到", replies, StringComparison.Ordinal);
        Assert.Contains("不在本次活动期间", replies, StringComparison.Ordinal);
        Assert.Contains("必须大于 0", replies, StringComparison.Ordinal);
        Assert.Contains("最多 7 天", replies, StringComparison.Ordinal);
        Assert.Contains("学习形式是", replies, StringComparison.Ordinal);
        Assert.Empty(await bot.Stores.ActivityLog.ListAsync(null, member.Id, null, Ct));
    }

    [Fact]
    public async Task A_member_corrects_a_recent_entry()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/study", "new", "today", "1", "self", "theory", "skip");

        var replies = await bot.SayAsync("1", "/study", "list", "e0", "昨天", "2", "seminar", "ideals", "skip");

        var entry = Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, null, Ct));
        Assert.Equal((new DateOnly(2027, 3, 9), 4, "seminar"), (entry.Date, entry.HalfDays, entry.Form));
        Assert.Contains("已更正", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Going_back_from_a_correction_to_a_new_entry_adds_rather_than_replaces()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");
        await bot.SayAsync("1", "/study", "new", "today", "1", "self", "theory", "skip");

        await bot.SayAsync("1", "/study", "list", "e0", "/back", "new", "昨天", "1", "self", "theory", "skip");

        Assert.Equal(2, (await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Study, Ct)).Count);
    }

    [Fact]
    public async Task A_secretary_records_a_collective_session_for_those_present_and_confirms_the_rest()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("9", rank: "ordinary", role: "secretary", name: "书记");
        var present = await bot.AddMemberAsync("1", name: "甲");
        await bot.AddMemberAsync("2", name: "乙");
        await bot.AddMemberAsync("3", name: "丙");
        await bot.SayAsync("3", "/study", "new", "today", "1", "self", "theory", "skip");

        var roster = await bot.SayAsync("9", "/study", "group", "3.8", "1", "collective", "theory", "学习党章");
        var recorded = await bot.SayAsync("9", "7", "1");
        var confirmed = await bot.SayAsync("9", "/study", "confirm", "all");

        Assert.Contains("1. 甲", roster, StringComparison.Ordinal);
        Assert.Contains("不是名单中的编号", recorded, StringComparison.Ordinal);
        var entries = await bot.Stores.ActivityLog.ListAsync("county_east", null, ActivityKind.Study, Ct);
        Assert.Contains(entries, e => e.MemberId == present.Id && e.Confirmed && e.Date == new DateOnly(2027, 3, 8));
        Assert.All(entries, e => Assert.True(e.Confirmed));
        Assert.Contains("已确认本单位 1 条", confirmed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_ordinary_member_is_told_that_collective_sessions_and_research_are_not_theirs()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("1", rank: "ordinary");

        var replies = await bot.SayAsync("1", "/study", "group", "/cancel", "/research", "/visits");

        Assert.Contains("只有支部书记", replies, StringComparison.Ordinal);
        Assert.Contains("蹲点调研由领导干部记录", replies, StringComparison.Ordinal);
        Assert.Contains("走亲连心结对由领导干部记录", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_logs_field_research_with_opinions()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/research", "2027年3月1日", "2", "东关村", "道路失修", "希望修路");

        var entry = Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Research, Ct));
        Assert.Equal(("东关村", "道路失修", "希望修路", 4), (entry.Place, entry.Note, entry.Opinions, entry.HalfDays));
        Assert.Contains("蹲点调研 2/3 天", replies, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leader_pairs_with_a_household_and_logs_a_visit_that_falls_in_no_window()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var refused = await bot.SayAsync("1", "/visits", "pair", "王大爷 13800138000");
        await bot.SayAsync("1", "王大爷家");
        var visit = await bot.SayAsync("1", "/visits", "visit", "h0", "3.9", "宣讲政策，听取意见");

        Assert.Contains("不要写电话", refused, StringComparison.Ordinal);
        Assert.Equal("王大爷家", Assert.Single(await bot.Stores.Households.ListAsync(null, member.Id, Ct)).Label);
        Assert.Single(await bot.Stores.ActivityLog.ListAsync(null, member.Id, ActivityKind.Visit, Ct));
        Assert.Contains("不在规定走访时段内", visit, StringComparison.Ordinal);
        Assert.Contains("结对 1/5 户", visit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_mutes_picks_an_hour_and_refuses_a_quiet_hour()
    {
        await using var bot = await StudyBot.StartAsync();
        var member = await bot.AddMemberAsync("1");

        var replies = await bot.SayAsync("1", "/remind hour 23", "/remind hour 19", "/remind mute 7", "/remind mute 9999");

        Assert.Contains("不在免打扰时段", replies, StringComparison.Ordinal);
        Assert.Contains("已暂停至 2027-03-16", replies, StringComparison.Ordinal);
        Assert.Contains("请写暂停的天数", replies, StringComparison.Ordinal);
        Assert.Equal(new ReminderSettings { MemberId = member.Id, Hour = 19, MutedUntil = new DateOnly(2027, 3, 16) }, await bot.Stores.ReminderSettings.GetAsync(member.Id, Ct));
    }

    [Fact]
    public async Task Progress_shows_a_secretary_each_members_study_and_the_office_each_unit()
    {
        await using var bot = await StudyBot.StartAsync();
        await bot.AddMemberAsync("9", rank: "ordinary", role: "secretary", name: "书记");
        await bot.AddMemberAsync("1", name: "甲");
        await bot.AddMemberAsync("8", rank: "ordinary", role: "office", unit: "city", name: "活动办");
        await bot.AddMemberAsync("7", rank: "ordinary", role: "supervisor", name: "督导组");

        var secretary = await bot.SayAsync("9", "/progress");
        var office = await bot.SayAsync("8", "/progress");
        var member = await bot.SayAsync("1", "/progress county_east");

        Assert.Contains("✗ 甲：学习 0/7 天", secretary, StringComparison.Ordinal);
        Assert.Contains("东县：2 人中 2 人未达到最低要求", secretary, StringComparison.Ordinal);
        Assert.DoesNotContain("督导组：学习", secretary, StringComparison.Ordinal);
        Assert.Contains("1 个单位中 1 个有人未达到最低要求（共 2 人）", office, StringComparison.Ordinal);
        Assert.Contains("东县：0/2 人达标，截止 2027-01-30", office, StringComparison.Ordinal);
        Assert.DoesNotContain("0/0 人达标", office, StringComparison.Ordinal);
        Assert.Contains("只有支部书记、督导组和活动办可以查看进度", member, StringComparison.Ordinal);
    }
    [Fact]
    public async Task The_offices_study_part_lists_the_ten_units_most_behind_and_counts_the_rest()
    {
        await using var bot = await StudyBot.StartAsync();
        string[] units = ["city", "county_east", "district_west", "town_chengguan", "village_dongguan", "street_xinhua", "community_xingfu", "firm_east_tech", "dept_organisation", "university", "enterprise_transport"];
        for (var i = 0; i < units.Length; i++)
        {
            await bot.AddMemberAsync((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture), rank: "ordinary", unit: units[i], name: "成员" + i);
        }

        await bot.AddMemberAsync("8", rank: "ordinary", role: "office", unit: "city", name: "活动办");

        var office = await bot.SayAsync("8", "/progress");

        Assert.Contains("11 个单位中 11 个有人未达到最低要求（共 11 人）", office, StringComparison.Ordinal);
        Assert.Contains("……另有 1 个单位未列出", office, StringComparison.Ordinal);
        Assert.Equal(10, office.Split('\n').Count(l => l.Contains(" 人达标，截止 ", StringComparison.Ordinal)));
    }
}
